using System.Globalization;

namespace TradingBot.Core.Tests.Indicators;

/// <summary>
/// The reference values in <c>Reference/expected.csv</c>, written by <c>Reference/generate.py</c> from the textbook
/// definitions over GOOG.csv. Empty fields (warm-up) read as NaN.
/// </summary>
internal sealed class ReferenceSeries
{
    private readonly Dictionary<string, double[]> _columns;

    private ReferenceSeries(string[] dates, Dictionary<string, double[]> columns)
    {
        Dates = dates;
        _columns = columns;
    }

    public static ReferenceSeries Goog { get; } = Load(Path.Combine(AppContext.BaseDirectory, "Indicators", "Reference", "expected.csv"));

    public IReadOnlyList<string> Dates { get; }

    public int Count => Dates.Count;

    public IReadOnlyList<double> High => this["high"];

    public IReadOnlyList<double> Low => this["low"];

    public IReadOnlyList<double> Close => this["close"];

    public IReadOnlyList<double> this[string column] =>
        _columns.TryGetValue(column, out var values)
            ? values
            : throw new KeyNotFoundException($"expected.csv has no column '{column}'; regenerate it with Reference/generate.py.");

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the reference column bar by bar: NaN exactly where the reference
    /// has no value yet, otherwise within 1e-9 relative (values below 1 in magnitude, such as a MACD histogram that
    /// crosses zero, are compared to 1e-9 absolute).
    /// </summary>
    public void AssertMatches(string column, IReadOnlyList<double> actual)
    {
        var expected = this[column];
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var ok = double.IsNaN(e)
                ? double.IsNaN(a)
                : Math.Abs(a - e) <= 1e-9 * Math.Max(Math.Abs(e), 1.0);
            Assert.True(ok, $"{column} on {Dates[i]} (row {i}): expected {e:R}, got {a:R}");
        }
    }

    private static ReferenceSeries Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 1; c < header.Length; c++)
        {
            columns[header[c]] = rows
                .Select(r => r[c].Length == 0 ? double.NaN : double.Parse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToArray();
        }

        return new ReferenceSeries(rows.Select(r => r[0]).ToArray(), columns);
    }
}

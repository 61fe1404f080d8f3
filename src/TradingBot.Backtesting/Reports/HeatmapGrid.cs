using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The optimisation score over two parameters (or one: a single row), each cell the <b>maximum</b> over every run
/// with those two values (whatever the other parameters were). A cell with no run (excluded by the constraint or an
/// invalid point) has <see cref="Runs"/> = 0; a cell whose runs all scored NaN has value NaN.
/// </summary>
/// <param name="YName">Null for a one-parameter optimisation (one row).</param>
/// <param name="YValues">The y axis values; a single NaN placeholder when there is no second parameter.</param>
/// <param name="Values">[x, y] → best score of that cell (NaN when none is defined).</param>
/// <param name="Runs">[x, y] → number of runs in that cell.</param>
internal sealed record HeatmapGrid(string XName, string? YName, double[] XValues, double[] YValues, double[,] Values, int[,] Runs)
{
    public static HeatmapGrid Build(IReadOnlyList<OptimizationRun> runs, ParameterRange x, ParameterRange? y)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(x);
        var xs = Axis(runs, x);
        var ys = y is null ? [double.NaN] : Axis(runs, y);
        var values = new double[xs.Length, ys.Length];
        var counts = new int[xs.Length, ys.Length];
        for (var i = 0; i < xs.Length; i++)
        {
            for (var j = 0; j < ys.Length; j++)
            {
                values[i, j] = double.NaN;
            }
        }

        foreach (var run in runs)
        {
            var i = Array.BinarySearch(xs, ParameterValue(run.Parameters, x.Name));
            var j = y is null ? 0 : Array.BinarySearch(ys, ParameterValue(run.Parameters, y.Name));
            counts[i, j]++;
            if (!double.IsNaN(run.Score) && (double.IsNaN(values[i, j]) || run.Score > values[i, j]))
            {
                values[i, j] = run.Score;
            }
        }

        return new HeatmapGrid(x.Name, y?.Name, xs, ys, values, counts);
    }

    /// <summary>The smallest and largest defined cell values (NaN, NaN when there is none).</summary>
    public (double Min, double Max) Range()
    {
        var (min, max) = (double.NaN, double.NaN);
        foreach (var v in Values)
        {
            if (double.IsFinite(v))
            {
                min = double.IsNaN(min) ? v : Math.Min(min, v);
                max = double.IsNaN(max) ? v : Math.Max(max, v);
            }
        }

        return (min, max);
    }

    /// <summary>A run's value of a ranged parameter (ranges may spell the name in another case).</summary>
    public static double ParameterValue(StrategyParameters parameters, string name)
    {
        if (parameters.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, v) in parameters)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        throw new ArgumentException($"Optimisation run has no parameter '{name}' ({parameters}).", nameof(name));
    }

    /// <summary>Every value the range offers plus any value a run used, ascending.</summary>
    private static double[] Axis(IReadOnlyList<OptimizationRun> runs, ParameterRange range) =>
        [.. range.Values.Concat(runs.Select(r => ParameterValue(r.Parameters, range.Name))).Distinct().Order()];
}

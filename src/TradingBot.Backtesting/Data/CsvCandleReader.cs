using System.Globalization;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Data;

/// <summary>
/// Reads OHLCV candles from CSV. Accepted shapes:
/// <list type="bullet">
/// <item>a header naming the time column <c>timestamp</c>, <c>date</c>, <c>time</c>, <c>datetime</c> or <c>open_time</c>
/// (or leaving the first column unnamed) plus <c>open,high,low,close[,volume]</c> in any case and order;</item>
/// <item>Binance kline dumps: no header, open time in Unix milliseconds (or microseconds) first, then OHLCV.</item>
/// </list>
/// Times are ISO-8601 dates or date-times (with or without <c>Z</c> or an offset; no zone means UTC) or Unix
/// seconds/milliseconds/microseconds. Comma, semicolon and tab separators are recognised from the first line.
/// Anything wrong (missing column, bad number, negative price, high below low, unsorted or duplicate time, empty
/// file) throws <see cref="CsvFormatException"/> naming file, line and field. Nothing is skipped silently.
/// </summary>
public static class CsvCandleReader
{
    private static readonly string[] TimeColumnNames = ["timestamp", "date", "time", "datetime", "open_time", "opentime"];

    public static Candle[] ReadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Candle file '{path}' does not exist.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream);
        return Read(reader, path, EstimateRows(stream.Length));
    }

    public static Candle[] Read(TextReader reader, string fileName, int expectedRows = 1024)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var firstLine = reader.ReadLine();
        var lineNumber = 1;
        while (firstLine is not null && string.IsNullOrWhiteSpace(firstLine))
        {
            firstLine = reader.ReadLine();
            lineNumber++;
        }

        if (firstLine is null)
        {
            throw new CsvFormatException(fileName, lineNumber, null, "the file is empty: expected a header or candle rows");
        }

        var firstLineNumber = lineNumber;
        var separator = DetectSeparator(firstLine);
        var layout = Layout.FromFirstLine(firstLine, separator, fileName, lineNumber);
        var candles = new List<Candle>(Math.Max(16, expectedRows));
        Span<Range> ranges = stackalloc Range[64];
        var previousTime = DateTimeOffset.MinValue;
        var previousLine = 0;
        var pendingBlank = 0;

        var line = layout.HasHeader ? reader.ReadLine() : firstLine;
        if (layout.HasHeader)
        {
            lineNumber++;
        }

        for (; line is not null; line = reader.ReadLine(), lineNumber++)
        {
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                pendingBlank = pendingBlank == 0 ? lineNumber : pendingBlank;
                continue;
            }

            if (pendingBlank != 0)
            {
                throw new CsvFormatException(fileName, pendingBlank, null, "empty line inside the data");
            }

            var span = line.AsSpan();
            var count = span.Split(ranges, separator);
            if (count < layout.MinimumFields)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.FieldAfter(count),
                    $"missing value: the row has {count} fields but {layout.MinimumFields} are needed");
            }

            var time = ParseTime(Unquote(span[ranges[layout.Time]]), fileName, lineNumber, layout.TimeName);
            var open = ParsePrice(Unquote(span[ranges[layout.Open]]), fileName, lineNumber, layout.OpenName);
            var high = ParsePrice(Unquote(span[ranges[layout.High]]), fileName, lineNumber, layout.HighName);
            var low = ParsePrice(Unquote(span[ranges[layout.Low]]), fileName, lineNumber, layout.LowName);
            var close = ParsePrice(Unquote(span[ranges[layout.Close]]), fileName, lineNumber, layout.CloseName);
            var volume = layout.Volume >= 0 ? ParseNumber(Unquote(span[ranges[layout.Volume]]), fileName, lineNumber, layout.VolumeName) : 0m;
            if (volume < 0m)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.VolumeName, $"volume {volume} is negative");
            }

            if (high < low)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.HighName, $"high {high} is below low {low}");
            }

            if (open > high || open < low)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.OpenName, $"open {open} is outside low {low} .. high {high}");
            }

            if (close > high || close < low)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.CloseName, $"close {close} is outside low {low} .. high {high}");
            }

            if (candles.Count > 0 && time <= previousTime)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.TimeName, time == previousTime
                    ? $"duplicate timestamp {Format(time)} (also on line {previousLine})"
                    : $"timestamp {Format(time)} is earlier than {Format(previousTime)} on line {previousLine}: rows must be sorted by time");
            }

            previousTime = time;
            previousLine = lineNumber;
            candles.Add(new Candle(time, open, high, low, close, volume));
        }

        if (candles.Count == 0)
        {
            throw new CsvFormatException(fileName, firstLineNumber, null, "the file has a header but no candle rows");
        }

        return [.. candles];
    }

    private static int EstimateRows(long bytes) => (int)Math.Clamp(bytes / 40, 16, 50_000_000);

    private static char DetectSeparator(string line)
    {
        if (line.Contains(',', StringComparison.Ordinal))
        {
            return ',';
        }

        if (line.Contains(';', StringComparison.Ordinal))
        {
            return ';';
        }

        return line.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static decimal ParsePrice(ReadOnlySpan<char> text, string file, int line, string field)
    {
        var value = ParseNumber(text, file, line, field);
        return value > 0m ? value : throw new CsvFormatException(file, line, field, $"price {value} must be positive");
    }

    private static decimal ParseNumber(ReadOnlySpan<char> text, string file, int line, string field)
    {
        if (text.IsEmpty)
        {
            throw new CsvFormatException(file, line, field, "missing value");
        }

        if (FastDecimal.TryParse(text, out var value))
        {
            return value;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new CsvFormatException(file, line, field, $"'{text}' is not a number");
    }

    /// <summary>ISO-8601 date or date-time (no zone = UTC), or Unix seconds / milliseconds / microseconds.</summary>
    public static DateTimeOffset ParseTime(ReadOnlySpan<char> text, string file, int line, string field)
    {
        if (text.IsEmpty)
        {
            throw new CsvFormatException(file, line, field, "missing timestamp");
        }

        if (FastTime.TryParseIso(text, out var iso))
        {
            return iso;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            // Digits only: Unix time. 10 digits = seconds (until 2286), 13 = milliseconds, 16 = microseconds.
            var ticks = text.Length switch
            {
                <= 11 => unix * TimeSpan.TicksPerSecond,
                <= 14 => unix * TimeSpan.TicksPerMillisecond,
                <= 17 => unix * TimeSpan.TicksPerMicrosecond,
                _ => -1,
            };
            if (ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks)
            {
                return DateTimeOffset.UnixEpoch.AddTicks(ticks);
            }

            throw new CsvFormatException(file, line, field, $"'{text}' is not a Unix time in seconds, milliseconds or microseconds");
        }

        // Other ISO-8601 spellings (offset without a colon, comma fraction ...) only: a text such as 01/02/2024 would
        // otherwise be read as the invariant culture's month/day and silently give the wrong date.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        throw new CsvFormatException(file, line, field, $"'{text}' is not an ISO-8601 date/time or a Unix timestamp");
    }

    private sealed class Layout
    {
        public bool HasHeader { get; private init; }

        public int Time { get; private init; }

        public int Open { get; private init; }

        public int High { get; private init; }

        public int Low { get; private init; }

        public int Close { get; private init; }

        public int Volume { get; private init; } = -1;

        public string TimeName { get; private init; } = "timestamp";

        public string OpenName { get; private init; } = "open";

        public string HighName { get; private init; } = "high";

        public string LowName { get; private init; } = "low";

        public string CloseName { get; private init; } = "close";

        public string VolumeName { get; private init; } = "volume";

        /// <summary>Every row needs a value for each column the layout reads, the volume included when there is one.</summary>
        public int MinimumFields => new[] { Time, Open, High, Low, Close, Volume }.Max() + 1;

        public string FieldAfter(int count)
        {
            var byIndex = new SortedDictionary<int, string>
            {
                [Time] = TimeName, [Open] = OpenName, [High] = HighName, [Low] = LowName, [Close] = CloseName,
            };
            if (Volume >= 0)
            {
                byIndex[Volume] = VolumeName;
            }

            return byIndex.FirstOrDefault(kv => kv.Key >= count).Value ?? CloseName;
        }

        public static Layout FromFirstLine(string line, char separator, string file, int lineNumber)
        {
            var fields = line.Split(separator).Select(f => f.Trim().Trim('"').Trim()).ToArray();
            var first = fields[0].AsSpan();
            var looksLikeData = first.Length > 0 && (char.IsAsciiDigit(first[0]) || first[0] == '-')
                && fields.Skip(1).Take(4).All(f => decimal.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (looksLikeData)
            {
                // No header: Binance kline dump (open time, open, high, low, close, volume, ...) or a bare OHLCV file.
                if (fields.Length < 5)
                {
                    throw new CsvFormatException(file, lineNumber, null,
                        $"a file without a header needs time,open,high,low,close[,volume] columns; this row has {fields.Length}");
                }

                return new Layout { HasHeader = false, Time = 0, Open = 1, High = 2, Low = 3, Close = 4, Volume = fields.Length > 5 ? 5 : -1 };
            }

            int Find(string name) => Array.FindIndex(fields, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

            var time = Array.FindIndex(fields, f => TimeColumnNames.Contains(f, StringComparer.OrdinalIgnoreCase));
            if (time < 0 && fields[0].Length == 0)
            {
                time = 0;
            }

            var missing = new List<string>();
            if (time < 0)
            {
                missing.Add("a time column (timestamp, date, time, datetime or open_time, or an unnamed first column)");
            }

            var indexes = new Dictionary<string, int>();
            foreach (var name in new[] { "open", "high", "low", "close" })
            {
                indexes[name] = Find(name);
                if (indexes[name] < 0)
                {
                    missing.Add(name);
                }
            }

            if (missing.Count > 0)
            {
                throw new CsvFormatException(file, lineNumber, null,
                    $"missing column(s): {string.Join(", ", missing)}; header was '{line}'");
            }

            var volume = Find("volume");
            return new Layout
            {
                HasHeader = true,
                Time = time,
                Open = indexes["open"],
                High = indexes["high"],
                Low = indexes["low"],
                Close = indexes["close"],
                Volume = volume,
                TimeName = fields[time].Length == 0 ? "(unnamed time column)" : fields[time],
                OpenName = fields[indexes["open"]],
                HighName = fields[indexes["high"]],
                LowName = fields[indexes["low"]],
                CloseName = fields[indexes["close"]],
                VolumeName = volume >= 0 ? fields[volume] : "volume",
            };
        }
    }
}

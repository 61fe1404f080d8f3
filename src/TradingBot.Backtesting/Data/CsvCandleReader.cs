using System.Globalization;
using System.Runtime.CompilerServices;
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
    private const int BlockSize = 1 << 20;
    private const long ParallelThreshold = 4L << 20;
    private static readonly string[] TimeColumnNames = ["timestamp", "date", "time", "datetime", "open_time", "opentime"];

    /// <summary>Reads a candle file. Large files are parsed on every core (results identical to a sequential read).</summary>
    public static Candle[] ReadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Candle file '{path}' does not exist.", path);
        }

        using var handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Parse(new ByteSource(handle, null), path);
    }

    public static Candle[] Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(new ByteSource(null, System.Text.Encoding.UTF8.GetBytes(reader.ReadToEnd())), fileName);
    }

    private static Candle[] Parse(ByteSource source, string fileName)
    {
        var length = source.Length;
        var head = new byte[(int)Math.Min(length, BlockSize)];
        source.Read(0, head);
        long position = head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lineNumber = 1;
        string? firstLine = null;
        long firstLineEnd = 0;
        while (position < head.Length)
        {
            var newline = head.AsSpan((int)position).IndexOf((byte)'\n');
            var end = newline < 0 ? head.Length : (int)position + newline;
            var text = System.Text.Encoding.UTF8.GetString(head.AsSpan((int)position, end - (int)position)).TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(text))
            {
                firstLine = text;
                firstLineEnd = newline < 0 ? end : end + 1;
                break;
            }

            position = end + 1;
            lineNumber++;
        }

        if (firstLine is null)
        {
            throw new CsvFormatException(fileName, lineNumber, null, "the file is empty: expected a header or candle rows");
        }

        var separator = DetectSeparator(firstLine);
        var layout = Layout.FromFirstLine(firstLine, separator, fileName, lineNumber);
        var dataStart = layout.HasHeader ? firstLineEnd : position;
        var firstDataLine = layout.HasHeader ? lineNumber + 1 : lineNumber;
        var ranges = SplitRanges(source, dataStart, length);

        // Pass 1: lines per range, so that every range knows its first row and line number.
        var lineCounts = new int[ranges.Length];
        Parallel.For(0, ranges.Length, k => lineCounts[k] = CountLines(source, ranges[k].Start, ranges[k].End, ranges[k].End == length));
        var firstSlot = new int[ranges.Length + 1];
        for (var k = 0; k < ranges.Length; k++)
        {
            firstSlot[k + 1] = checked(firstSlot[k] + lineCounts[k]);
        }

        // Pass 2: parse every range into its slots.
        var candles = new Candle[firstSlot[^1]];
        var blanks = new List<int>[ranges.Length];
        var errors = new (int Slot, CsvFormatException Error)?[ranges.Length];
        Parallel.For(0, ranges.Length, k =>
        {
            var context = new RangeParser(source, layout, separator, fileName, firstDataLine, candles);
            (blanks[k], errors[k]) = context.Parse(ranges[k].Start, ranges[k].End, firstSlot[k]);
        });

        var firstError = errors.Where(e => e is not null).OrderBy(e => e!.Value.Slot).FirstOrDefault();
        return Validate(candles, [.. blanks.SelectMany(b => b).Order()], firstError, layout, fileName, firstDataLine, lineNumber);
    }

    /// <summary>In file order: blank lines inside the data, time order and duplicates, then the first parse error.</summary>
    private static Candle[] Validate(Candle[] candles, List<int> blanks, (int Slot, CsvFormatException Error)? firstError,
        Layout layout, string fileName, int firstDataLine, int headerLine)
    {
        var limit = firstError?.Slot ?? candles.Length;
        var blankIndex = 0;
        var pendingBlank = -1;
        var previous = -1;
        var lastData = -1;
        for (var slot = 0; slot < limit; slot++)
        {
            if (blankIndex < blanks.Count && blanks[blankIndex] == slot)
            {
                blankIndex++;
                pendingBlank = pendingBlank < 0 ? slot : pendingBlank;
                continue;
            }

            if (pendingBlank >= 0)
            {
                throw new CsvFormatException(fileName, firstDataLine + pendingBlank, null, "empty line inside the data");
            }

            if (previous >= 0 && candles[slot].Time <= candles[previous].Time)
            {
                var time = candles[slot].Time;
                var before = candles[previous].Time;
                throw new CsvFormatException(fileName, firstDataLine + slot, layout.TimeName, time == before
                    ? $"duplicate timestamp {Format(time)} (also on line {firstDataLine + previous})"
                    : $"timestamp {Format(time)} is earlier than {Format(before)} on line {firstDataLine + previous}: rows must be sorted by time");
            }

            previous = slot;
            lastData = slot;
        }

        if (firstError is { } error)
        {
            throw error.Error;
        }

        if (lastData < 0)
        {
            throw new CsvFormatException(fileName, headerLine, null, "the file has a header but no candle rows");
        }

        if (lastData + 1 < candles.Length)
        {
            Array.Resize(ref candles, lastData + 1);
        }

        return candles;
    }

    private static (long Start, long End)[] SplitRanges(ByteSource source, long start, long end)
    {
        var count = end - start < ParallelThreshold ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 16);
        var bounds = new List<long> { start };
        Span<byte> probe = stackalloc byte[4096];
        for (var k = 1; k < count; k++)
        {
            var position = Math.Max(bounds[^1], start + ((end - start) * k / count));
            while (position < end)
            {
                var read = source.Read(position, probe[..(int)Math.Min(probe.Length, end - position)]);
                var newline = probe[..read].IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    position += newline + 1;
                    break;
                }

                position += read;
            }

            if (position < end && position > bounds[^1])
            {
                bounds.Add(position);
            }
        }

        bounds.Add(end);
        return [.. bounds.Zip(bounds.Skip(1))];
    }

    private static int CountLines(ByteSource source, long start, long end, bool endsFile)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var lines = 0;
            var lastByte = (byte)'\n';
            for (var position = start; position < end;)
            {
                var read = source.Read(position, buffer.AsSpan(0, (int)Math.Min(BlockSize, end - position)));
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                lastByte = buffer[read - 1];
                position += read;
            }

            return endsFile && lastByte != (byte)'\n' ? lines + 1 : lines;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Positional reads from a file handle (thread-safe) or from memory.</summary>
    private sealed class ByteSource(Microsoft.Win32.SafeHandles.SafeFileHandle? handle, byte[]? bytes)
    {
        public long Length => handle is not null ? RandomAccess.GetLength(handle) : bytes!.Length;

        public int Read(long offset, Span<byte> destination)
        {
            if (handle is not null)
            {
                var total = 0;
                while (total < destination.Length)
                {
                    var read = RandomAccess.Read(handle, destination[total..], offset + total);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }

                return total;
            }

            var count = (int)Math.Min(destination.Length, bytes!.Length - offset);
            bytes.AsSpan((int)offset, count).CopyTo(destination);
            return count;
        }
    }

    /// <summary>Parses the lines of one byte range into consecutive candle slots.</summary>
    private sealed class RangeParser(ByteSource source, Layout layout, char separator, string fileName, int firstDataLine, Candle[] candles)
    {
        private readonly byte _separator = (byte)separator;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (List<int> Blanks, (int Slot, CsvFormatException Error)? Error) Parse(long start, long end, int slot)
        {
            var blanks = new List<int>();
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize * 2);
            try
            {
                var carry = 0;
                for (var position = start; position < end || carry > 0;)
                {
                    var read = position < end ? source.Read(position, buffer.AsSpan(carry, (int)Math.Min(BlockSize, end - position))) : 0;
                    position += read;
                    var filled = carry + read;
                    var data = buffer.AsSpan(0, filled);
                    var lineStart = 0;
                    while (true)
                    {
                        var newline = data[lineStart..].IndexOf((byte)'\n');
                        if (newline < 0)
                        {
                            break;
                        }

                        if (!ParseLine(data.Slice(lineStart, newline), slot, blanks, out var error))
                        {
                            return (blanks, (slot, error!));
                        }

                        slot++;
                        lineStart += newline + 1;
                    }

                    carry = filled - lineStart;
                    if (position >= end)
                    {
                        if (carry > 0 && !ParseLine(data[lineStart..], slot, blanks, out var error))
                        {
                            return (blanks, (slot, error!));
                        }

                        break;
                    }

                    if (carry >= BlockSize)
                    {
                        return (blanks, (slot, new CsvFormatException(fileName, firstDataLine + slot, null, "line longer than 1 MiB")));
                    }

                    data[lineStart..].CopyTo(buffer);
                }

                return (blanks, null);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ParseLine(ReadOnlySpan<byte> line, int slot, List<int> blanks, out CsvFormatException? error)
        {
            error = null;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                blanks.Add(slot);
                return true;
            }

            try
            {
                ParseRow(line, firstDataLine + slot, out candles[slot]);
                return true;
            }
            catch (CsvFormatException ex)
            {
                error = ex;
                return false;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ParseRow(ReadOnlySpan<byte> line, int lineNumber, out Candle candle)
        {
            Span<Range> ranges = stackalloc Range[layout.FieldsToSplit];
            var count = Split(line, ranges, _separator);
            if (count < layout.MinimumFields)
            {
                throw new CsvFormatException(fileName, lineNumber, layout.FieldAfter(count),
                    $"missing value: the row has {count} fields but {layout.MinimumFields} are needed");
            }

            var time = Time(Unquote(line[ranges[layout.Time]]), lineNumber);
            var open = Price(Unquote(line[ranges[layout.Open]]), lineNumber, layout.OpenName);
            var high = Price(Unquote(line[ranges[layout.High]]), lineNumber, layout.HighName);
            var low = Price(Unquote(line[ranges[layout.Low]]), lineNumber, layout.LowName);
            var close = Price(Unquote(line[ranges[layout.Close]]), lineNumber, layout.CloseName);
            var volume = layout.Volume >= 0 ? Number(Unquote(line[ranges[layout.Volume]]), lineNumber, layout.VolumeName) : 0m;
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

            candle = new Candle(time, open, high, low, close, volume);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Split(ReadOnlySpan<byte> line, Span<Range> ranges, byte separator)
        {
            var count = 0;
            var start = 0;
            while (count < ranges.Length)
            {
                var next = line[start..].IndexOf(separator);
                if (next < 0)
                {
                    ranges[count++] = new Range(start, line.Length);
                    break;
                }

                ranges[count++] = new Range(start, start + next);
                start += next + 1;
            }

            return count;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> field)
        {
            field = field.Trim(" \t"u8);
            return field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"' ? field[1..^1].Trim(" \t"u8) : field;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private DateTimeOffset Time(ReadOnlySpan<byte> text, int lineNumber) =>
            FastTime.TryParseIso(text, out var time)
                ? time
                : ParseTime(System.Text.Encoding.UTF8.GetString(text), fileName, lineNumber, layout.TimeName);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private decimal Price(ReadOnlySpan<byte> text, int lineNumber, string field)
        {
            var value = Number(text, lineNumber, field);
            return value > 0m ? value : throw new CsvFormatException(fileName, lineNumber, field, $"price {value} must be positive");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private decimal Number(ReadOnlySpan<byte> text, int lineNumber, string field) =>
            FastDecimal.TryParse(text, out var value)
                ? value
                : ParseNumber(System.Text.Encoding.UTF8.GetString(text), fileName, lineNumber, field);
    }

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

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

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
            // Eight digits are a compact ISO date (yyyyMMdd): as Unix seconds they would silently land in 1970-73.
            if (text.Length == 8)
            {
                return DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                    ? new DateTimeOffset(date, TimeSpan.Zero)
                    : throw new CsvFormatException(file, line, field, $"'{text}' is neither a yyyyMMdd date nor a plausible Unix time");
            }

            // Otherwise digits are Unix time: 9-11 digits = seconds (1973..2286), 12-14 = milliseconds, 15-17 = microseconds.
            var ticks = text.Length switch
            {
                < 8 => -1,
                <= 11 => unix * TimeSpan.TicksPerSecond,
                <= 14 => unix * TimeSpan.TicksPerMillisecond,
                <= 17 => unix * TimeSpan.TicksPerMicrosecond,
                _ => -1,
            };
            if (ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks)
            {
                return DateTimeOffset.UnixEpoch.AddTicks(ticks);
            }

            throw new CsvFormatException(file, line, field,
                $"'{text}' is not a Unix time in seconds (9-11 digits), milliseconds (12-14) or microseconds (15-17), nor a yyyyMMdd date");
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

        /// <summary>Fields a row must have: every column the layout reads, the volume included when there is one (computed once).</summary>
        public int MinimumFields => _minimumFields ??= Math.Max(Math.Max(Math.Max(Time, Open), Math.Max(High, Low)), Math.Max(Close, Volume)) + 1;

        /// <summary>Fields a row is split into: every column we read, plus one that collects the ignored rest.</summary>
        public int FieldsToSplit => _fieldsToSplit ??= Math.Min(Math.Max(MinimumFields, Volume + 1) + 1, 64);

        private int? _minimumFields;
        private int? _fieldsToSplit;

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

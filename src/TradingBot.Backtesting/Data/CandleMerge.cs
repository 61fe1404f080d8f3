using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Data;

/// <summary>
/// Joins candle files (e.g. monthly exchange dumps) into one series in time order. Overlapping bars must be
/// identical; a conflict names both files. Gaps (spacing above the usual bar spacing) are counted, not filled.
/// </summary>
public static class CandleMerge
{
    public sealed record Result(IReadOnlyList<Candle> Candles, int Gaps, TimeSpan Spacing, TimeSpan LargestGap);

    public static Result Merge(IReadOnlyList<Candle[]> parts, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(names);
        var byTime = new SortedDictionary<DateTimeOffset, (Candle Candle, int Source)>();
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var candle in parts[p])
            {
                if (byTime.TryGetValue(candle.Time, out var existing))
                {
                    if (existing.Candle != candle)
                    {
                        throw new CsvFormatException(names[p], 0, "timestamp",
                            $"bar {candle.Time:O} differs from the bar with the same time in {names[existing.Source]}");
                    }

                    continue;
                }

                byTime[candle.Time] = (candle, p);
            }
        }

        var candles = byTime.Values.Select(v => v.Candle).ToList();
        if (candles.Count < 2)
        {
            return new Result(candles, 0, TimeSpan.Zero, TimeSpan.Zero);
        }

        var spacings = new List<TimeSpan>(candles.Count - 1);
        for (var i = 1; i < candles.Count; i++)
        {
            spacings.Add(candles[i].Time - candles[i - 1].Time);
        }

        var sorted = spacings.OrderBy(s => s).ToList();
        var usual = sorted[sorted.Count / 2];
        var gaps = spacings.Count(s => s > usual);
        return new Result(candles, gaps, usual, sorted[^1]);
    }
}

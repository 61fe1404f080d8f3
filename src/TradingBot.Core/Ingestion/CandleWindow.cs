using TradingBot.Core.Market;

namespace TradingBot.Core.Ingestion;

/// <summary>
/// Which candles an ingestion run wants: every <b>closed</b> bar after the last stored one, so bars missed while
/// the timer did not run are back-filled, bounded by <see cref="MaxBars"/> (the first run starts that many bars back).
/// </summary>
public sealed record CandleWindow(Timeframe Timeframe, int MaxBars)
{
    /// <summary>Open time of the first bar to fetch.</summary>
    public DateTimeOffset Since(DateTimeOffset? lastStoredOpenTime, DateTimeOffset now)
    {
        var lastClosed = LastClosedOpenTime(now);
        var earliest = lastClosed - (Timeframe.Duration * (MaxBars - 1));
        if (lastStoredOpenTime is not { } last)
        {
            return earliest;
        }

        var next = Timeframe.Floor(last) + Timeframe.Duration;
        return next < earliest ? earliest : next;
    }

    /// <summary>Open time of the newest bar that has closed at <paramref name="now"/>.</summary>
    public DateTimeOffset LastClosedOpenTime(DateTimeOffset now) => Timeframe.Floor(now) - Timeframe.Duration;

    /// <summary>The bars that are closed at <paramref name="now"/> and newer than the last stored one, ascending, without duplicates.</summary>
    public IReadOnlyList<Candle> SelectNew(IEnumerable<Candle> fetched, DateTimeOffset? lastStoredOpenTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        var since = Since(lastStoredOpenTime, now);
        var lastClosed = LastClosedOpenTime(now);
        return [.. fetched
            .Where(c => c.Time >= since && c.Time <= lastClosed && Timeframe.Floor(c.Time) == c.Time)
            .GroupBy(c => c.Time)
            .Select(g => g.Last())
            .OrderBy(c => c.Time)];
    }
}

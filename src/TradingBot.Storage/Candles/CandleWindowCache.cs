using System.Collections.Concurrent;
using TradingBot.Core.Market;

namespace TradingBot.Storage.Candles;

/// <summary>
/// Recent stored candles per market, so the strategy stage does not read its whole window (warm-up plus history:
/// hundreds of rows) from the table for every closed candle. Per market it keeps one contiguous span of time whose
/// stored candles (gaps included) it has read; a window inside the span is answered from memory, a window that reaches
/// past it reads only the missing bars, and the closed candle being evaluated (stored before it was published) extends
/// the span. Closed candles do not change, but a span is read afresh once it is older than the given age, so a candle
/// stored out of band (a back-fill into a gap, a correction) is seen within that age. The span keeps at most twice the
/// largest window asked for, so memory stays bounded by the number of markets.
/// </summary>
public sealed class CandleWindowCache(CandleStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CandleSpan> _spans = new(StringComparer.Ordinal);

    /// <summary>
    /// The window of <paramref name="bars"/> bar slots ending with <paramref name="last"/> (ascending, fewer candles when
    /// there are gaps): the stored candles before it, then <paramref name="last"/> itself. The same candles
    /// <see cref="CandleStore.GetWindowAsync"/> returns for a table whose candle at that time is <paramref name="last"/>.
    /// A <paramref name="maxAge"/> of zero reads the table every time.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetWindowAsync(string venue, Symbol symbol, Timeframe timeframe, Candle last, int bars, TimeSpan maxAge,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bars);
        var from = last.Time - (timeframe.Duration * (bars - 1));
        var before = last.Time - timeframe.Duration;
        if (maxAge <= TimeSpan.Zero)
        {
            var read = bars == 1 ? [] : await store.GetRangeAsync(venue, symbol, timeframe, from, before, ct);
            return [.. read.Where(c => c.Time < last.Time), last];
        }

        var span = _spans.GetOrAdd(CandleStore.Partition(venue, symbol, timeframe), _ => new CandleSpan());
        await span.Gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var fresh = span.Candles is not null && now - span.ReadAt <= maxAge;
            if (bars > 1 && !(fresh && span.From <= from && span.To >= before))
            {
                if (fresh && span.From <= from && span.To >= from - timeframe.Duration)
                {
                    // The span reaches into the window: read only the bars after it.
                    var missing = await store.GetRangeAsync(venue, symbol, timeframe, span.To + timeframe.Duration, before, ct);
                    span.Candles!.AddRange(missing);
                    span.To = before;
                }
                else
                {
                    span.Candles = [.. await store.GetRangeAsync(venue, symbol, timeframe, from, before, ct)];
                    span.From = from;
                    span.To = before;
                    span.ReadAt = now;
                }
            }

            var candles = span.Candles ?? [];
            var window = new List<Candle>(bars);
            foreach (var candle in candles)
            {
                if (candle.Time >= from && candle.Time < last.Time)
                {
                    window.Add(candle);
                }
            }

            window.Add(last);
            if (span.Candles is not null && span.To == before)
            {
                // The candle being evaluated was stored before it was published: the span now covers it too.
                span.Candles.Add(last);
                span.To = last.Time;
                Trim(span, last.Time - (timeframe.Duration * ((2 * bars) - 1)));
            }

            return window;
        }
        finally
        {
            span.Gate.Release();
        }
    }

    private static void Trim(CandleSpan span, DateTimeOffset keepFrom)
    {
        if (span.From >= keepFrom)
        {
            return;
        }

        var drop = 0;
        while (drop < span.Candles!.Count && span.Candles[drop].Time < keepFrom)
        {
            drop++;
        }

        span.Candles.RemoveRange(0, drop);
        span.From = keepFrom;
    }

    private sealed class CandleSpan
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Every stored candle with open time in [<see cref="From"/>, <see cref="To"/>], ascending; null until first read.</summary>
        public List<Candle>? Candles { get; set; }

        public DateTimeOffset From { get; set; }

        public DateTimeOffset To { get; set; }

        /// <summary>When the oldest part of the span was read from the table.</summary>
        public DateTimeOffset ReadAt { get; set; }
    }
}

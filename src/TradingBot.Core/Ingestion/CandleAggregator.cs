using TradingBot.Core.Market;

namespace TradingBot.Core.Ingestion;

/// <summary>
/// Builds candles from sampled mid prices for venues without a candle endpoint: for each <b>complete</b> interval
/// in [<c>from</c>, bar containing <c>now</c>) open = first mid, high = max, low = min, close = last, volume 0
/// (unknown). Intervals without samples produce no candle (nothing is invented).
/// </summary>
public static class CandleAggregator
{
    public static IReadOnlyList<Candle> Aggregate(IEnumerable<QuoteSample> samples, Timeframe timeframe, DateTimeOffset from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var start = timeframe.Floor(from);
        var end = timeframe.Floor(now);
        return [.. samples
            .Where(s => s.Time >= start && s.Time < end && s.Bid > 0m && s.Ask > 0m && s.Ask >= s.Bid)
            .OrderBy(s => s.Time)
            .GroupBy(s => timeframe.Floor(s.Time))
            .Select(g =>
            {
                var mids = g.Select(s => s.Mid).ToList();
                return new Candle(g.Key, mids[0], mids.Max(), mids.Min(), mids[^1], 0m);
            })];
    }
}

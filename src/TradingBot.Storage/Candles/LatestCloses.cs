using TradingBot.Core.Market;
using TradingBot.Storage.Config;

namespace TradingBot.Storage.Candles;

/// <summary>
/// The newest stored close of the configured markets of a venue (the finest timeframe wins): the price a holding is
/// marked at when no fresher one is at hand (the portfolio view; risk's valuation of the symbols it is not deciding).
/// </summary>
public sealed class LatestCloses(ConfigStore config, CandleStore candles)
{
    /// <summary>The closes of the configured markets of <paramref name="venue"/> that <paramref name="include"/> selects (one candle read each); a market without a stored candle is absent.</summary>
    public Task<IReadOnlyDictionary<Symbol, decimal>> OfVenueAsync(string venue, Func<Symbol, bool> include, CancellationToken ct) =>
        OfVenueAsync(venue, include, TimeSpan.Zero, ct);

    /// <summary>As <see cref="OfVenueAsync(string, Func{Symbol, bool}, CancellationToken)"/>, from a snapshot of the markets table at most <paramref name="marketsMaxAge"/> old.</summary>
    public async Task<IReadOnlyDictionary<Symbol, decimal>> OfVenueAsync(string venue, Func<Symbol, bool> include, TimeSpan marketsMaxAge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(include);
        var closes = new Dictionary<Symbol, (TimeSpan Timeframe, decimal Close)>();
        foreach (var market in (await config.ListMarketsAsync(marketsMaxAge, ct)).Where(m => m.Venue == venue && m.LastCandleTime is not null && include(m.Symbol)))
        {
            var last = market.LastCandleTime!.Value;
            var bars = await candles.GetRangeAsync(venue, market.Symbol, market.Timeframe, last, last, ct);
            if (bars.Count > 0 && (!closes.TryGetValue(market.Symbol, out var seen) || market.Timeframe.Duration < seen.Timeframe))
            {
                closes[market.Symbol] = (market.Timeframe.Duration, bars[^1].Close);
            }
        }

        return closes.ToDictionary(m => m.Key, m => m.Value.Close);
    }
}

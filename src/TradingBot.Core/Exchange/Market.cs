using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>
/// A CCXT unified market: venue id (<c>BTCUSDT</c>, <c>BTC-USD</c>), unified symbol, precision, limits, fees.
/// <see cref="Taker"/>/<see cref="Maker"/> are fractions (0.001 = 0.1 %).
/// </summary>
public sealed record Market(string Id, Symbol Symbol, MarketPrecision Precision, MarketLimits Limits)
{
    public bool Active { get; init; } = true;

    public decimal Taker { get; init; } = 0.001m;

    public decimal Maker { get; init; } = 0.001m;

    /// <summary>Whether market orders are allowed (some venues pause them, e.g. in auction mode).</summary>
    public bool MarketOrdersAllowed { get; init; } = true;
}

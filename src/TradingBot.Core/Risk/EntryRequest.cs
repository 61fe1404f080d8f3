using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>
/// A strategy wants to enter <see cref="Symbol"/> on <see cref="Side"/> (buy = long, sell = short). <see cref="Price"/>
/// is the signal bar's close, used for sizing and limits; <see cref="Market"/> carries the venue's precision and
/// limits; <see cref="Atr"/> is needed by volatility sizing and ATR exits.
/// </summary>
public sealed record EntryRequest(string Strategy, Symbol Symbol, OrderSide Side, decimal Price, Exchange.Market Market)
{
    public decimal? Atr { get; init; }

    public bool IsLong => Side == OrderSide.Buy;
}

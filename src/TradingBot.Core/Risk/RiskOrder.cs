using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>
/// An order risk approved: a market order for <see cref="Quantity"/> (base units, already truncated to the venue
/// step) on <see cref="Side"/>. Entries carry their <see cref="Exits"/>, turned into price levels from the fill price.
/// </summary>
public sealed record RiskOrder(string Strategy, Symbol Symbol, OrderSide Side, decimal Quantity, decimal ReferencePrice, RiskOrderPurpose Purpose)
{
    public ExitPlan? Exits { get; init; }

    /// <summary>Quote value at the reference price.</summary>
    public decimal Notional => Quantity * ReferencePrice;
}

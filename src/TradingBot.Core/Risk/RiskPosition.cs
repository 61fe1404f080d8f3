using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>What risk needs to know about one open position: signed quantity (negative = short), entry and mark price.</summary>
public sealed record RiskPosition(Symbol Symbol, decimal Quantity, decimal EntryPrice, decimal MarkPrice)
{
    /// <summary>Absolute market value: |quantity| · mark price.</summary>
    public decimal Value => Math.Abs(Quantity) * MarkPrice;

    public bool IsLong => Quantity > 0m;
}

namespace TradingBot.Core.Exchange;

/// <summary>CCXT <c>precision</c> in TICK_SIZE mode: the amount step and the price tick (e.g. 0.00001 and 0.01).</summary>
public sealed record MarketPrecision(decimal AmountStep, decimal PriceTick)
{
    /// <summary>Optional step for quote amounts (market buys by cost); defaults to the price tick.</summary>
    public decimal? CostStep { get; init; }
}

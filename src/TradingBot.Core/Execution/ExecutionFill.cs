namespace TradingBot.Core.Execution;

/// <summary>One execution of an order as recorded by us: the venue trade id (or a synthesized cumulative id), price, amount, fee.</summary>
public sealed record ExecutionFill(string TradeId, decimal Price, decimal Amount, decimal FeeCost, string? FeeCurrency, DateTimeOffset Timestamp)
{
    public string? TakerOrMaker { get; init; }

    public decimal Cost => Price * Amount;
}

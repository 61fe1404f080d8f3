namespace TradingBot.Functions.Api.Contracts;

/// <summary>One execution: <see cref="Amount"/> at <see cref="Price"/>, fee <see cref="FeeCost"/> in <see cref="FeeCurrency"/>.</summary>
public sealed record FillView(
    string OrderId,
    string TradeId,
    string Venue,
    string Account,
    string StrategyId,
    string Symbol,
    string Side,
    decimal Price,
    decimal Amount,
    decimal FeeCost,
    string? FeeCurrency,
    string? TakerOrMaker,
    DateTimeOffset ExecutedAt);

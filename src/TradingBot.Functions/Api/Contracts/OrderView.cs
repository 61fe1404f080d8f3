namespace TradingBot.Functions.Api.Contracts;

/// <summary>An order as the state machine recorded it (kebab-case <see cref="State"/>), with its executions when read one by one.</summary>
public sealed record OrderView(
    string OrderId,
    string ClientOrderId,
    string Venue,
    string Account,
    string Mode,
    string StrategyId,
    string SignalId,
    string Symbol,
    string Side,
    string Type,
    decimal Amount,
    decimal? LimitPrice,
    decimal ReferencePrice,
    string State,
    decimal Filled,
    decimal? AveragePrice,
    decimal FeeCost,
    string? FeeCurrency,
    string? ExchangeOrderId,
    int Attempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Reason)
{
    public IReadOnlyList<FillView>? Fills { get; init; }
}

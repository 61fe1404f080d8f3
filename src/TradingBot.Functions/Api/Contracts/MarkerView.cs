namespace TradingBot.Functions.Api.Contracts;

/// <summary>A fill on the chart: <see cref="Side"/> <see cref="Amount"/> at <see cref="Price"/> at <see cref="Time"/>.</summary>
public sealed record MarkerView(DateTimeOffset Time, string Side, decimal Price, decimal Amount, string OrderId, string StrategyId);

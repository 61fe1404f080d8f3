namespace TradingBot.Functions.Api.Contracts;

/// <summary>Account equity at <see cref="Time"/> and its drawdown from the running peak (0 or negative, e.g. -0.05 = 5% below).</summary>
public sealed record EquityPoint(DateTimeOffset Time, decimal Equity, decimal Drawdown);

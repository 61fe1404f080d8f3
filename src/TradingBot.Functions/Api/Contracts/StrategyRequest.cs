namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A strategy to create (<c>POST /api/strategies</c>, with <see cref="Id"/>) or replace (<c>PUT /api/strategies/{id}</c>,
/// without it). <see cref="Parameters"/> not given take the catalog defaults; <see cref="Enabled"/> defaults to true (a
/// constructor default: generated JSON sets every init-only property, so an initializer would be lost).
/// </summary>
public sealed record StrategyRequest(string Strategy, string Venue, string Symbol, string Timeframe, bool Enabled = true)
{
    public string? Id { get; init; }

    public IReadOnlyDictionary<string, double>? Parameters { get; init; }
}

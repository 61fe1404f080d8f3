namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A strategy to create (<c>POST /api/strategies</c>, with <see cref="Id"/>) or replace (<c>PUT /api/strategies/{id}</c>,
/// without it). <see cref="Parameters"/> not given take the catalog defaults.
/// </summary>
public sealed record StrategyRequest(string Strategy, string Venue, string Symbol, string Timeframe)
{
    public string? Id { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyDictionary<string, double>? Parameters { get; init; }
}

namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A configured strategy: catalog <see cref="Strategy"/> with <see cref="Parameters"/> on <see cref="Venue"/>'s
/// <see cref="Symbol"/> <see cref="Timeframe"/> candles, trading in <see cref="Account"/> (<see cref="Mode"/>).
/// <see cref="ETag"/> is its version: send it back as <c>If-Match</c> to change it.
/// </summary>
public sealed record StrategyView(
    string Id,
    string Strategy,
    string Venue,
    string Symbol,
    string Timeframe,
    bool Enabled,
    IReadOnlyDictionary<string, double> Parameters,
    string Account,
    string Mode,
    [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string? ETag);

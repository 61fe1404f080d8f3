using TradingBot.Core.Market;

namespace TradingBot.Storage.Config;

/// <summary>
/// A configured strategy instance: catalog strategy <see cref="Strategy"/> with <see cref="Parameters"/>, trading
/// <see cref="Symbol"/> on <see cref="Venue"/> from <see cref="Timeframe"/> candles, buying <see cref="Stake"/>
/// (quote currency) per entry. <see cref="ETag"/> is the stored version (for If-Match updates).
/// </summary>
public sealed record StrategyConfig(
    string Id,
    string Strategy,
    string Venue,
    Symbol Symbol,
    Timeframe Timeframe,
    decimal Stake,
    bool Enabled = true)
{
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Whether a short target may open a short (only where the venue allows; spot cannot).</summary>
    public bool AllowShort { get; init; }

    public string? ETag { get; init; }
}

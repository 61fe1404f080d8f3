using TradingBot.Core.Market;

namespace TradingBot.Storage.Config;

/// <summary>
/// A configured strategy instance: catalog strategy <see cref="Strategy"/> with <see cref="Parameters"/>, trading
/// <see cref="Symbol"/> on <see cref="Venue"/> from <see cref="Timeframe"/> candles. Sizing and limits are risk
/// settings (section <c>Risk</c>, per catalog strategy). <see cref="ETag"/> is the stored version (for If-Match updates).
/// </summary>
public sealed record StrategyConfig(string Id, string Strategy, string Venue, Symbol Symbol, Timeframe Timeframe, bool Enabled = true)
{
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    public string? ETag { get; init; }
}

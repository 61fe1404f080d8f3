using TradingBot.Core.Market;

namespace TradingBot.Storage.Config;

/// <summary>A market ingestion covers: candles of <see cref="Timeframe"/> for <see cref="Symbol"/> on <see cref="Venue"/>.</summary>
public sealed record MarketConfig(string Venue, Symbol Symbol, Timeframe Timeframe, bool Enabled = true)
{
    /// <summary>Open time of the newest stored candle (the ingestion cursor); null before the first run.</summary>
    public DateTimeOffset? LastCandleTime { get; init; }
}

namespace TradingBot.Functions.Api.Contracts;

/// <summary>A market ingestion covers, with the open time of its newest stored candle (null before the first run).</summary>
public sealed record MarketView(string Venue, string Symbol, string Timeframe, bool Enabled, DateTimeOffset? LastCandleTime);

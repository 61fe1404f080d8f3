namespace TradingBot.Functions.Api.Contracts;

/// <summary>One closed candle (open time, prices and volume as decimal strings).</summary>
public sealed record CandleView(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

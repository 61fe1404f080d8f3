namespace TradingBot.Functions.Api.Contracts;

/// <summary>An indicator value at a candle's open time (a plot value: a number, not money).</summary>
public sealed record OverlayPoint(DateTimeOffset Time, double Value);

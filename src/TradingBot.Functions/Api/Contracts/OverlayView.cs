namespace TradingBot.Functions.Api.Contracts;

/// <summary>One indicator line of a strategy (e.g. <c>sma(10)</c>): a value per candle once it is warmed up.</summary>
public sealed record OverlayView(string Name, IReadOnlyList<OverlayPoint> Points);

namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// What the dashboard draws for one market: the newest candles, the strategy's indicator lines over them
/// (<see cref="Overlays"/>, when a strategy was named) and the fills in that window as entry/exit markers.
/// </summary>
public sealed record ChartView(
    string Venue,
    string Symbol,
    string Timeframe,
    IReadOnlyList<CandleView> Candles,
    IReadOnlyList<OverlayView> Overlays,
    IReadOnlyList<MarkerView> Markers);

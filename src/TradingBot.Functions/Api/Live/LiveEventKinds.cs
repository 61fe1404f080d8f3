namespace TradingBot.Functions.Api.Live;

/// <summary>The event names of <c>/api/events</c>.</summary>
public static class LiveEventKinds
{
    public const string Candle = "candle";
    public const string Signal = "signal";
    public const string Risk = "risk";
    public const string Order = "order";
    public const string Fill = "fill";
    public const string Position = "position";
    public const string Strategy = "strategy";
    public const string Backtest = "backtest";
    public const string Error = "error";
}

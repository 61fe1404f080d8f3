namespace TradingBot.Functions.Api.Contracts;

/// <summary>A strategy signal (the target it wanted and why) with what risk decided about it (null: not decided yet).</summary>
public sealed record SignalView(
    string Id,
    string StrategyId,
    string Strategy,
    string Venue,
    string Symbol,
    string Timeframe,
    DateTimeOffset CandleTime,
    string Target,
    decimal Price,
    string Reason,
    DateTimeOffset At,
    DecisionView? Decision);

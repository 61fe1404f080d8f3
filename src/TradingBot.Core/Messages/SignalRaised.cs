using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Messages;

/// <summary>
/// Strategy <see cref="StrategyId"/> (catalog strategy <see cref="Strategy"/>) wants <see cref="Target"/> on
/// <see cref="Symbol"/> after the candle that opened at <see cref="CandleTime"/> closed at <see cref="Price"/>.
/// Caused by that candle; <see cref="At"/> is the candle's close time, so re-evaluation reproduces it exactly.
/// </summary>
public sealed record SignalRaised(
    string Id,
    string CausationId,
    string CorrelationId,
    DateTimeOffset At,
    string StrategyId,
    string Strategy,
    string Venue,
    Symbol Symbol,
    Timeframe Timeframe,
    DateTimeOffset CandleTime,
    TargetPosition Target,
    decimal Price,
    string Reason) : IMessage
{
    public const string SchemaName = "tradingbot.signal-raised.v1";

    public string Schema => SchemaName;

    public static SignalRaised For(CandleClosed candle, string strategyId, string strategy, StrategySignal signal)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return new SignalRaised(MessageIds.Signal(candle.Id, strategyId), candle.Id, candle.CorrelationId, candle.At, strategyId,
            strategy, candle.Venue, candle.Symbol, candle.Timeframe, candle.OpenTime, signal.Target, candle.Close, signal.Reason);
    }

    public string? Validate() => MessageRules.First(
        MessageRules.Text(StrategyId, "strategyId"),
        MessageRules.Text(Strategy, "strategy"),
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        MessageRules.Envelope(this, MessageIds.Signal(CausationId, StrategyId)),
        Enum.IsDefined(Target) ? null : "target: unknown.",
        MessageRules.Positive(Price, "price"));
}

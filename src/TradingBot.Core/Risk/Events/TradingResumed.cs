namespace TradingBot.Core.Risk.Events;

/// <summary>
/// The halt for <see cref="Reason"/> ends, by an operator or because a new UTC day began. A drawdown resume resets
/// the peak to <see cref="EquityPeak"/> (the equity at that moment), otherwise the breaker would trip again at once.
/// </summary>
public sealed record TradingResumed(DateTimeOffset At, RiskReason Reason, bool ByOperator, string Message) : RiskEvent(At)
{
    public decimal? EquityPeak { get; init; }
}

namespace TradingBot.Core.Risk.Events;

/// <summary>
/// Something risk must remember, as a value: the gate returns them, fills and operators cause them, and
/// <see cref="RiskState.Apply(RiskEvent)"/> folds them into the state (in memory in the backtester, in Table Storage live).
/// </summary>
public abstract record RiskEvent(DateTimeOffset At);

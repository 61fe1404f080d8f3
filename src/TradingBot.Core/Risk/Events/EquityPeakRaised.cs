namespace TradingBot.Core.Risk.Events;

/// <summary>Equity made a new high: the base of the drawdown circuit breaker.</summary>
public sealed record EquityPeakRaised(DateTimeOffset At, decimal Equity) : RiskEvent(At);

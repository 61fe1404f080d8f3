namespace TradingBot.Core.Risk.Events;

/// <summary>New entries (or, for <see cref="RiskReason.KillSwitch"/>, all new orders) stop because of <see cref="Reason"/>.</summary>
public sealed record TradingHalted(DateTimeOffset At, RiskReason Reason, DateOnly Day, HaltReset Reset, string Message) : RiskEvent(At);

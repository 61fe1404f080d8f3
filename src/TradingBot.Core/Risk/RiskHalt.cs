namespace TradingBot.Core.Risk;

/// <summary>An active halt: since when, for which UTC day, and how it ends.</summary>
public sealed record RiskHalt(RiskReason Reason, DateTimeOffset Since, DateOnly Day, HaltReset Reset, string Message);

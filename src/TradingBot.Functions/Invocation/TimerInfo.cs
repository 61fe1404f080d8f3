namespace TradingBot.Functions.Invocation;

/// <summary>The host's timer info: whether this run is late (<see cref="IsPastDue"/>) and the schedule status (null without a monitor).</summary>
public sealed record TimerInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);

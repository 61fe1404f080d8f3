namespace TradingBot.DevHost.Protocol;

/// <summary>A monitored timer's schedule status (<c>useMonitor</c>): the last and next occurrence and when the status was written.</summary>
public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

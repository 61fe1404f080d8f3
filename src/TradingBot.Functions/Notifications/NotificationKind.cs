namespace TradingBot.Functions.Notifications;

/// <summary>What a notification is about (a target subscribes to some of them).</summary>
public enum NotificationKind
{
    Fill,
    Halt,
    Error,
}

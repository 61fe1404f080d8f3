namespace TradingBot.Functions.Notifications;

/// <summary>One thing worth telling a human: its kind, a title, a one-line text and the facts as flat fields (never a secret).</summary>
public sealed record Notification(NotificationKind Kind, string Title, string Text, DateTimeOffset At, IReadOnlyDictionary<string, string> Fields)
{
    public static Notification Halt(string account, string text, DateTimeOffset at) =>
        new(NotificationKind.Halt, "Trading halted or resumed", text, at, new Dictionary<string, string> { ["account"] = account });
}

namespace TradingBot.Functions.Notifications;

/// <summary>
/// Section <c>Notifications</c>, per deployment: <c>Notifications__Targets__0__Name=ops</c>,
/// <c>Notifications__Targets__0__Format=Slack</c>, <c>Notifications__Targets__0__SecretName=slack-webhook-url</c>...
/// No targets: nothing is sent.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public List<WebhookTarget> Targets { get; } = [];

    /// <summary>How long one webhook call may take before it is given up (notifications are best effort, never retried forever).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notifications waiting to be sent beyond which new ones are dropped (and counted in the log).</summary>
    public int QueueLimit { get; set; } = 1000;
}

using System.ComponentModel.DataAnnotations;

namespace TradingBot.Functions.Notifications;

/// <summary>
/// One place notifications go. The URL (Generic, Discord, Slack) or the bot token (Telegram) is a secret: only its
/// <b>name</b> in the secret store is configured here (<see cref="SecretName"/>; Key Vault in Azure, <c>Secrets__name</c>
/// locally), and it is never logged or traced.
/// </summary>
public sealed class WebhookTarget
{
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string Name { get; set; } = "";

    public WebhookFormat Format { get; set; } = WebhookFormat.Generic;

    /// <summary>Secret holding the webhook URL (Generic, Discord, Slack) or the bot token (Telegram).</summary>
    [Required]
    public string SecretName { get; set; } = "";

    /// <summary>Telegram chat id (not a secret).</summary>
    public string? ChatId { get; set; }

    /// <summary>Telegram Bot API base URL (a local receiver in tests).</summary>
    public Uri TelegramApiBaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>What this target receives (default: all).</summary>
    public List<NotificationKind> Kinds { get; set; } = [NotificationKind.Fill, NotificationKind.Halt, NotificationKind.Error];
}

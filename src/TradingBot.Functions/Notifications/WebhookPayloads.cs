using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradingBot.Functions.Notifications;

/// <summary>The request each <see cref="WebhookFormat"/> expects for a notification: where to POST and the JSON body.</summary>
public static class WebhookPayloads
{
    /// <summary>The URL and body for <paramref name="target"/>; <paramref name="secret"/> is the webhook URL or the Telegram bot token.</summary>
    public static (Uri Url, string Body) For(WebhookTarget target, string secret, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(notification);
        var line = $"{notification.Title}: {notification.Text}";
        return target.Format switch
        {
            WebhookFormat.Telegram => (new Uri(target.TelegramApiBaseUrl, $"./bot{secret}/sendMessage"),
                Json(new JsonObject { ["chat_id"] = target.ChatId ?? throw new NotificationConfigurationException($"target {target.Name} needs a ChatId"), ["text"] = line })),
            WebhookFormat.Discord => (Url(secret, target), Json(new JsonObject { ["content"] = Clip(line, 2000) })),
            WebhookFormat.Slack => (Url(secret, target), Json(new JsonObject { ["text"] = line })),
            _ => (Url(secret, target), Json(new JsonObject
            {
                ["kind"] = notification.Kind.ToString().ToLowerInvariant(),
                ["title"] = notification.Title,
                ["text"] = notification.Text,
                ["at"] = notification.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["fields"] = new JsonObject([.. notification.Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]),
            })),
        };
    }

    /// <summary>A webhook URL from the secret store: absolute https (http only to a loopback receiver).</summary>
    private static Uri Url(string secret, WebhookTarget target) =>
        Uri.TryCreate(secret, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            ? url
            : throw new NotificationConfigurationException($"the secret of target {target.Name} is not an https URL");

    private static string Json(JsonObject body) => body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

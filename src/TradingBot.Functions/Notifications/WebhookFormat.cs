namespace TradingBot.Functions.Notifications;

/// <summary>The body a webhook target expects.</summary>
public enum WebhookFormat
{
    /// <summary><c>{"kind","title","text","at","fields"}</c>, POSTed to the target's URL.</summary>
    Generic,

    /// <summary>Bot API <c>sendMessage</c>: <c>{"chat_id","text"}</c> to <c>{ApiBaseUrl}/bot{token}/sendMessage</c>.</summary>
    Telegram,

    /// <summary>Incoming webhook: <c>{"content"}</c>.</summary>
    Discord,

    /// <summary>Incoming webhook: <c>{"text"}</c>.</summary>
    Slack,
}

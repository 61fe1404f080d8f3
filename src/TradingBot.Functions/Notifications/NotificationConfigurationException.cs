namespace TradingBot.Functions.Notifications;

/// <summary>A notification target that cannot be used as configured (missing secret, not an https URL, no chat id). Its message never holds a secret.</summary>
public sealed class NotificationConfigurationException : Exception
{
    public NotificationConfigurationException()
    {
    }

    public NotificationConfigurationException(string message)
        : base(message)
    {
    }

    public NotificationConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

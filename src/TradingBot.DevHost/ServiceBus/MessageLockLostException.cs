namespace TradingBot.DevHost.ServiceBus;

/// <summary>Settling or renewing with a lock token that is unknown or expired (Service Bus <c>MessageLockLost</c>).</summary>
public sealed class MessageLockLostException : Exception
{
    public MessageLockLostException()
    {
    }

    public MessageLockLostException(string message)
        : base(message)
    {
    }

    public MessageLockLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

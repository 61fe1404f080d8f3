namespace TradingBot.Core.Messages;

/// <summary>A message body that cannot be accepted: not JSON, wrong schema, a missing or invalid field. Permanent.</summary>
public sealed class MessageFormatException : Exception
{
    public MessageFormatException()
    {
    }

    public MessageFormatException(string message)
        : base(message)
    {
    }

    public MessageFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

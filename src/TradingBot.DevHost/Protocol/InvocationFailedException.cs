namespace TradingBot.DevHost.Protocol;

/// <summary>An invocation the host counts as failed (§1.5): non-2xx, an unreadable or empty reply, a timeout, or the handler unreachable.</summary>
public sealed class InvocationFailedException : Exception
{
    public InvocationFailedException()
    {
    }

    public InvocationFailedException(string message)
        : base(message)
    {
    }

    public InvocationFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The handler's HTTP status, when it answered.</summary>
    public int? StatusCode { get; init; }
}

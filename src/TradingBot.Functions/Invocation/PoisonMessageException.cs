namespace TradingBot.Functions.Invocation;

/// <summary>
/// A well-formed message that can never be processed (unknown venue, conflicting content for a recorded id...).
/// Recorded as poison with <see cref="Exception.Message"/> as the reason and answered 2xx, so it never loops.
/// </summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException()
    {
    }

    public PoisonMessageException(string message)
        : base(message)
    {
    }

    public PoisonMessageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

namespace TradingBot.Storage.Tables;

/// <summary>A continuation token that this store did not issue (or that no longer fits the query): bad input, not an outage.</summary>
public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
    {
    }

    public InvalidContinuationTokenException(string message)
        : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

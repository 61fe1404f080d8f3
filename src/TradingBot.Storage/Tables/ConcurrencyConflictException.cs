namespace TradingBot.Storage.Tables;

/// <summary>An ETag compare-and-set lost to another writer (412) after the store's own retries; the caller re-reads.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

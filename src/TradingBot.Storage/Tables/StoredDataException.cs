namespace TradingBot.Storage.Tables;

/// <summary>A stored row that cannot be read back (missing or malformed column): names the table, keys and field.</summary>
public sealed class StoredDataException : Exception
{
    public StoredDataException()
    {
    }

    public StoredDataException(string message)
        : base(message)
    {
    }

    public StoredDataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

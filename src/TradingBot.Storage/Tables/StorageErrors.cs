using Azure;

namespace TradingBot.Storage.Tables;

/// <summary>Status codes of <see cref="RequestFailedException"/> that the stores act on.</summary>
public static class StorageErrors
{
    public static bool IsConflict(this RequestFailedException ex) => ex.Status == 409;

    public static bool IsPreconditionFailed(this RequestFailedException ex) => ex.Status == 412;

    public static bool IsNotFound(this RequestFailedException ex) => ex.Status == 404;

    /// <summary>Conflicts a compare-and-set loop retries: 412 (stale ETag) and 409 (someone added the row first).</summary>
    public static bool IsRace(this RequestFailedException ex) => ex.Status is 409 or 412;
}

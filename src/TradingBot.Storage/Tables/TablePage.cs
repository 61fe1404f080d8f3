namespace TradingBot.Storage.Tables;

/// <summary>
/// One page of a query: the items and, when more may follow, the opaque token that continues it. A filtered query
/// may return a short (even empty) page with a token: the service stops at partition or time limits, not at the
/// page size; keep following the token until it is null.
/// </summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// One page of a list. Pass <see cref="ContinuationToken"/> back as <c>continuationToken</c> for the next page; null
/// means the list is complete. A filtered page may hold fewer items than asked (even none) and still continue.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

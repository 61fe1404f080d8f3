namespace TradingBot.Exchanges;

/// <summary>
/// CCXT's <c>since</c>/<c>limit</c> on a list the adapter collected: ascending by time, from <c>since</c> on; with a
/// limit, the first ones after <c>since</c>, or the newest ones when there is no start.
/// </summary>
internal static class ResultWindow
{
    public static List<T> Apply<T>(IEnumerable<T> items, Func<T, DateTimeOffset> time, DateTimeOffset? since, int? limit, bool newest = false)
    {
        var ordered = items.Where(i => since is null || time(i) >= since).OrderBy(time).ToList();
        if (limit is not { } max || ordered.Count <= max)
        {
            return ordered;
        }

        return since is null || newest ? ordered[^max..] : ordered[..max];
    }
}

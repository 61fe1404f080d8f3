using Azure;
using TradingBot.Core.Execution;

namespace TradingBot.Storage.Orders;

/// <summary>An order row with its ETag (for the next compare-and-set) and the executions recorded for it.</summary>
public sealed record StoredOrder(TrackedOrder Order, ETag ETag, IReadOnlyList<ExecutionFill> Fills)
{
    public IReadOnlySet<string> TradeIds { get; } = Fills.Select(f => f.TradeId).ToHashSet(StringComparer.Ordinal);
}

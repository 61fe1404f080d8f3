namespace TradingBot.Core.Execution;

/// <summary>The order after applying a venue report, and the executions that report added (empty when nothing new).</summary>
public sealed record ExecutionUpdate(TrackedOrder Order, IReadOnlyList<ExecutionFill> NewFills)
{
    public bool Changed(TrackedOrder before) =>
        NewFills.Count > 0 || before.State != Order.State || before.ExchangeOrderId != Order.ExchangeOrderId;
}

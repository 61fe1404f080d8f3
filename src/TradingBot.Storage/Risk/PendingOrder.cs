using TradingBot.Core.Messages;
using TradingBot.Core.Risk;

namespace TradingBot.Storage.Risk;

/// <summary>
/// An order risk approved that has not finished executing: it reserves exposure (counted as part of the position by
/// the next decisions) until its final status arrives. <see cref="Exits"/> becomes the position's protective levels
/// when an entry fills; <see cref="StopOut"/> marks a protective exit that counts for StoplossGuard.
/// </summary>
public sealed record PendingOrder(OrderApproved Order, RiskOrderPurpose Purpose)
{
    public ExitPlan? Exits { get; init; }

    public bool StopOut { get; init; }
}

using TradingBot.Core.Messages;

namespace TradingBot.Storage.Risk;

/// <summary>
/// What risk decided for signal <see cref="SignalId"/>: the approved <see cref="Order"/>, or a rejection with its
/// <see cref="Reason"/> (also "no order needed" outcomes, with <see cref="Order"/> null and <see cref="Approved"/> false).
/// </summary>
public sealed record RiskDecision(
    string SignalId,
    string CorrelationId,
    string StrategyId,
    string Venue,
    string Symbol,
    DateTimeOffset SignalTime,
    bool Approved,
    string Reason,
    DateTimeOffset DecidedAt)
{
    public OrderApproved? Order { get; init; }
}

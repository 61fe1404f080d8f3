using TradingBot.Core.Messages;

namespace TradingBot.Storage.Risk;

/// <summary>
/// What risk decided for signal <see cref="SignalId"/>: approved (with the <see cref="Orders"/> it sent) or not, with
/// a stable <see cref="Code"/> (<c>max-position</c>, <c>no-change</c>...) and a human <see cref="Message"/>.
/// </summary>
public sealed record RiskDecision(
    string SignalId,
    string CorrelationId,
    string StrategyId,
    string Venue,
    string Symbol,
    DateTimeOffset SignalTime,
    bool Approved,
    string Code,
    string Message,
    DateTimeOffset DecidedAt)
{
    public IReadOnlyList<OrderApproved> Orders { get; init; } = [];
}

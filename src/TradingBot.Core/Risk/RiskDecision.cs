using System.Diagnostics.CodeAnalysis;
using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk;

/// <summary>
/// The gate's answer, as a value: an approved (possibly resized) order, or a rejection with a machine-readable
/// <see cref="Reason"/> (<see cref="Code"/>, e.g. <c>max-position</c>) and a human <see cref="Message"/>.
/// <see cref="Events"/> are the state changes the caller must apply (the order counts toward the rate limit).
/// </summary>
public sealed record RiskDecision
{
    private RiskDecision(string message) => Message = message;

    public RiskOrder? Order { get; private init; }

    public RiskReason? Reason { get; private init; }

    /// <summary>One sentence: what was approved (and any resizing) or why it was refused.</summary>
    public string Message { get; }

    /// <summary>How the order was resized from the sizing rule's quantity, one sentence per rule that cut it.</summary>
    public IReadOnlyList<string> Adjustments { get; private init; } = [];

    public IReadOnlyList<RiskEvent> Events { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsApproved => Order is not null;

    /// <summary>The stable reason code of a rejection (<c>daily-loss-limit</c>, ...); null when approved.</summary>
    public string? Code => Reason?.ToCode();

    public static RiskDecision Approve(RiskOrder order, string message, IReadOnlyList<string> adjustments, IReadOnlyList<RiskEvent> events) =>
        new(message) { Order = order, Adjustments = adjustments, Events = events };

    public static RiskDecision Reject(RiskReason reason, string message) => new(message) { Reason = reason };
}

namespace TradingBot.Core.Risk.Rules;

/// <summary>A rule's answer: pass, a smaller quantity with a note, or a rejection.</summary>
public readonly record struct RuleVerdict(decimal? Quantity, RiskReason? Reason, string? Message)
{
    public static RuleVerdict Pass => default;

    public bool IsRejection => Reason is not null;

    /// <summary>Cuts the quantity to <paramref name="quantity"/>; when nothing is left the order is refused for <paramref name="reason"/>.</summary>
    public static RuleVerdict Cap(decimal current, decimal quantity, RiskReason reason, string why) =>
        quantity >= current ? Pass
        : quantity <= 0m ? Reject(reason, why)
        : new RuleVerdict(quantity, null, $"{reason.ToCode()}: quantity cut from {Text.Number(current)} to {Text.Number(quantity)}: {why}");

    public static RuleVerdict Size(decimal quantity, string how) => new(quantity, null, how);

    public static RuleVerdict Reject(RiskReason reason, string message) => new(null, reason, message);
}

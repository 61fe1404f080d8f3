namespace TradingBot.Core.Risk.Rules;

/// <summary>Refuses entries once <see cref="RiskOptions.MaxOrdersPerWindow"/> orders were placed in the last <see cref="RiskOptions.OrderWindow"/>.</summary>
public sealed class OrderRateLimit(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (options.MaxOrdersPerWindow is not { } max)
        {
            return RuleVerdict.Pass;
        }

        var context = proposal.Context;
        var since = context.Now - options.OrderWindow;
        var recent = context.State.OrderTimes.Count(t => t > since && t <= context.Now);
        return recent >= max
            ? RuleVerdict.Reject(RiskReason.OrderRate, $"{recent} orders in the last {options.OrderWindow}; the limit is {max}.")
            : RuleVerdict.Pass;
    }
}

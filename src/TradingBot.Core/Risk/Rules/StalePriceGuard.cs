namespace TradingBot.Core.Risk.Rules;

/// <summary>Refuses entries when the last candle closed more than <see cref="RiskOptions.MaxCandleAge"/> ago, or is unknown.</summary>
public sealed class StalePriceGuard(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (options.MaxCandleAge is not { } maxAge)
        {
            return RuleVerdict.Pass;
        }

        var context = proposal.Context;
        if (context.LastCandleAt is not { } last)
        {
            return RuleVerdict.Reject(RiskReason.StalePrice, $"No candle is known for {proposal.Request.Symbol}; entries need fresh prices.");
        }

        var age = context.Now - last;
        return age > maxAge
            ? RuleVerdict.Reject(RiskReason.StalePrice, $"The last {proposal.Request.Symbol} candle closed {age} ago, more than the allowed {maxAge}.")
            : RuleVerdict.Pass;
    }
}

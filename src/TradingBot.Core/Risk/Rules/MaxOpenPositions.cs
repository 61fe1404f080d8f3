namespace TradingBot.Core.Risk.Rules;

/// <summary>Refuses an entry into a new symbol when <see cref="RiskOptions.MaxOpenPositions"/> positions are open (adding to a held one is allowed).</summary>
public sealed class MaxOpenPositions(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (options.MaxOpenPositions is not { } max || proposal.HeldQuantity > 0m)
        {
            return RuleVerdict.Pass;
        }

        var open = proposal.Context.Positions.Values.Count(p => p.Quantity != 0m && p.Symbol != proposal.Request.Symbol);
        return open >= max
            ? RuleVerdict.Reject(RiskReason.MaxOpenPositions, $"{open} positions are open; the limit is {max}.")
            : RuleVerdict.Pass;
    }
}

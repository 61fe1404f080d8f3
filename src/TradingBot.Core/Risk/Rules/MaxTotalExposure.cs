namespace TradingBot.Core.Risk.Rules;

/// <summary>Caps the value of all positions (others at their mark, this symbol at the reference price) at <see cref="RiskOptions.MaxTotalExposure"/> of equity.</summary>
public sealed class MaxTotalExposure(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (options.MaxTotalExposure is not { } fraction)
        {
            return RuleVerdict.Pass;
        }

        var request = proposal.Request;
        var context = proposal.Context;
        var others = context.Positions.Values.Where(p => p.Symbol != request.Symbol).Sum(p => p.Value);
        var cap = fraction * context.Equity;
        var room = ((cap - others) / request.Price) - proposal.HeldQuantity;
        return RuleVerdict.Cap(proposal.Quantity, room, RiskReason.MaxExposure,
            $"all positions together may be at most {Text.Percent(fraction)} of equity ({Text.Number(cap)}); other symbols hold {Text.Number(others)}.");
    }
}

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// Caps the symbol's position (held + new) at <see cref="StrategyRiskOptions.MaxPositionQuantity"/> base units and at
/// <see cref="StrategyRiskOptions.MaxPositionFraction"/> of equity at the reference price; larger entries are cut.
/// </summary>
public sealed class MaxPositionSize : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var limits = proposal.Limits;
        var request = proposal.Request;
        var held = proposal.HeldQuantity;
        var room = proposal.Quantity;
        var why = string.Empty;
        if (limits.MaxPositionQuantity is { } maxQuantity && maxQuantity - held < room)
        {
            room = maxQuantity - held;
            why = $"{request.Symbol} may hold at most {Text.Number(maxQuantity)} (holds {Text.Number(held)}).";
        }

        if (limits.MaxPositionFraction is { } fraction)
        {
            var cap = fraction * proposal.Context.Equity;
            var byValue = (cap / request.Price) - held;
            if (byValue < room)
            {
                room = byValue;
                why = $"{request.Symbol} may be at most {Text.Percent(fraction)} of equity ({Text.Number(cap)}) at {Text.Number(request.Price)} (holds {Text.Number(held)}).";
            }
        }

        return RuleVerdict.Cap(proposal.Quantity, room, RiskReason.MaxPosition, why);
    }
}

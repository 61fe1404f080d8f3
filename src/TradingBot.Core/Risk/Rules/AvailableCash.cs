namespace TradingBot.Core.Risk.Rules;

/// <summary>Caps the entry at what the available cash pays for, with the venue's taker fee, at the reference price.</summary>
public sealed class AvailableCash : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var request = proposal.Request;
        var cash = proposal.Context.AvailableCash;
        var unitCost = request.Price * (1m + Math.Max(0m, request.Market.Taker));
        return RuleVerdict.Cap(proposal.Quantity, cash / unitCost, RiskReason.InsufficientCash,
            $"available cash {Text.Number(cash)} pays for at most {Text.Number(cash / unitCost)} at {Text.Number(request.Price)} with a {Text.Percent(request.Market.Taker)} fee.");
    }
}

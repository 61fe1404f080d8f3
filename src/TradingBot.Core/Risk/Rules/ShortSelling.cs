namespace TradingBot.Core.Risk.Rules;

/// <summary>Refuses short entries unless <see cref="RiskOptions.AllowShort"/> (spot venues cannot short).</summary>
public sealed class ShortSelling(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.Request.IsLong || options.AllowShort
            ? RuleVerdict.Pass
            : RuleVerdict.Reject(RiskReason.ShortNotAllowed, $"Short entry on {proposal.Request.Symbol} refused: short selling is disabled (Risk:AllowShort).");
    }
}

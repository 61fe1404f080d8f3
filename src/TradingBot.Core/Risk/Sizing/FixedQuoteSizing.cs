using TradingBot.Core.Risk.Rules;

namespace TradingBot.Core.Risk.Sizing;

/// <summary>Quantity = <see cref="StrategyRiskOptions.QuoteAmount"/> / price.</summary>
public sealed class FixedQuoteSizing : IPositionSizer
{
    public RuleVerdict Size(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var amount = proposal.Limits.QuoteAmount ?? 0m;
        return RuleVerdict.Size(amount / proposal.Request.Price, $"{Text.Number(amount)} of quote currency at {Text.Number(proposal.Request.Price)}");
    }
}

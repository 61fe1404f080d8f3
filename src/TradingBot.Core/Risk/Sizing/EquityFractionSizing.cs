using TradingBot.Core.Risk.Rules;

namespace TradingBot.Core.Risk.Sizing;

/// <summary>Quantity = equity · <see cref="StrategyRiskOptions.EquityFraction"/> / price.</summary>
public sealed class EquityFractionSizing : IPositionSizer
{
    public RuleVerdict Size(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var fraction = proposal.Limits.EquityFraction;
        var equity = proposal.Context.Equity;
        return equity <= 0m
            ? RuleVerdict.Reject(RiskReason.InsufficientCash, $"Equity is {Text.Number(equity)}; nothing to size an entry from.")
            : RuleVerdict.Size(equity * fraction / proposal.Request.Price, $"{Text.Percent(fraction)} of equity {Text.Number(equity)} at {Text.Number(proposal.Request.Price)}");
    }
}

using TradingBot.Core.Risk.Rules;

namespace TradingBot.Core.Risk.Sizing;

/// <summary>
/// Volatility targeting: quantity = equity · <see cref="StrategyRiskOptions.RiskPerTrade"/> /
/// (<see cref="StrategyRiskOptions.SizingAtrMultiple"/> · ATR), so an adverse move of that many ATRs costs the
/// chosen share of equity. Refused while the ATR is not known.
/// </summary>
public sealed class VolatilitySizing : IPositionSizer
{
    public RuleVerdict Size(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var limits = proposal.Limits;
        if (proposal.Request.Atr is not { } atr || atr <= 0m)
        {
            return RuleVerdict.Reject(RiskReason.VolatilityUnavailable,
                $"Volatility sizing needs the {limits.AtrPeriod}-bar ATR of {proposal.Request.Symbol}, which is not available yet.");
        }

        var equity = proposal.Context.Equity;
        var risk = limits.RiskPerTrade ?? 0m;
        var multiple = limits.SizingAtrMultiple ?? 0m;
        return equity <= 0m
            ? RuleVerdict.Reject(RiskReason.InsufficientCash, $"Equity is {Text.Number(equity)}; nothing to size an entry from.")
            : RuleVerdict.Size(equity * risk / (multiple * atr),
                $"{Text.Percent(risk)} of equity {Text.Number(equity)} over {Text.Number(multiple)} ATR ({Text.Number(atr)})");
    }
}

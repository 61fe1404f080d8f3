using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// Drawdown circuit breaker: when equity is <see cref="RiskOptions.MaxDrawdown"/> or more below its peak, new
/// entries halt until an operator resumes (or the next UTC day, per <see cref="RiskOptions.DrawdownReset"/>); the
/// resume resets the peak to the equity at that moment. The review also tracks the peak.
/// </summary>
public sealed class MaxDrawdown(RiskOptions options) : IEntryRule, IAccountGuard
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return Halts.Check(proposal.Context, RiskReason.MaxDrawdown, context => Breached(context, Peak(context)) ? Describe(context, Peak(context)) : null);
    }

    public IEnumerable<RiskEvent> Review(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peak = Peak(context);
        if (context.Equity > context.State.EquityPeak)
        {
            yield return new EquityPeakRaised(context.Now, context.Equity);
        }

        var halted = context.State.Halts.ContainsKey(RiskReason.MaxDrawdown);
        if (halted && Halts.Active(context, RiskReason.MaxDrawdown) is null)
        {
            halted = false;
            peak = context.Equity;
            yield return new TradingResumed(context.Now, RiskReason.MaxDrawdown, false,
                $"New UTC day {context.TradingDay:yyyy-MM-dd}: the drawdown breaker is reset; the peak restarts at {Text.Number(peak)}.")
            {
                EquityPeak = peak,
            };
        }

        if (!halted && Breached(context, peak))
        {
            yield return new TradingHalted(context.Now, RiskReason.MaxDrawdown, context.TradingDay, options.DrawdownReset, Describe(context, peak));
        }
    }

    private static decimal Peak(RiskContext context) => Math.Max(context.State.EquityPeak, context.Equity);

    private bool Breached(RiskContext context, decimal peak) =>
        options.MaxDrawdown is { } limit && peak > 0m && 1m - (context.Equity / peak) >= limit;

    private string Describe(RiskContext context, decimal peak) =>
        $"Drawdown breaker tripped: equity {Text.Number(context.Equity)} is {Text.Percent(1m - (context.Equity / peak))} below its peak {Text.Number(peak)} (limit {Text.Percent(options.MaxDrawdown ?? 0m)}).";
}

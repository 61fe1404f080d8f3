using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// Daily loss limit: when the UTC day's realized + unrealized loss reaches <see cref="RiskOptions.DailyLossLimit"/>
/// of the equity at the day's start, new entries halt until the next UTC day (or an operator, per
/// <see cref="RiskOptions.DailyLossReset"/>).
/// </summary>
public sealed class DailyLossLimit(RiskOptions options) : IEntryRule, IAccountGuard
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return Halts.Check(proposal.Context, RiskReason.DailyLossLimit, context => Breached(context) ? Describe(context) : null);
    }

    public IEnumerable<RiskEvent> Review(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var halted = context.State.Halts.ContainsKey(RiskReason.DailyLossLimit);
        if (halted && Halts.Active(context, RiskReason.DailyLossLimit) is null)
        {
            halted = false;
            yield return new TradingResumed(context.Now, RiskReason.DailyLossLimit, false, $"New UTC day {context.TradingDay:yyyy-MM-dd}: the daily loss limit is reset.");
        }

        if (!halted && Breached(context))
        {
            yield return new TradingHalted(context.Now, RiskReason.DailyLossLimit, context.TradingDay, options.DailyLossReset, Describe(context));
        }
    }

    private bool Breached(RiskContext context) =>
        options.DailyLossLimit is { } limit && context.DayStartEquity > 0m && -context.PnLToday >= limit * context.DayStartEquity;

    private string Describe(RiskContext context) =>
        $"Daily loss limit reached: the loss of {Text.Number(-context.PnLToday)} on {context.TradingDay:yyyy-MM-dd} (UTC) is at least {Text.Percent(options.DailyLossLimit ?? 0m)} of the day's starting equity {Text.Number(context.DayStartEquity)}.";
}

using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// The kill switch: while engaged, every new order is refused (entries and strategy exits; protective exits still
/// run). An operator engages it, or it engages itself when equity falls <see cref="RiskOptions.KillSwitchLoss"/>
/// below the starting equity. Only an operator releases it.
/// </summary>
public sealed class KillSwitch(RiskOptions options) : IEntryRule, IAccountGuard
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return Refusal(proposal.Context) is { } message ? RuleVerdict.Reject(RiskReason.KillSwitch, message) : RuleVerdict.Pass;
    }

    /// <summary>Why any order is refused now, or null.</summary>
    public string? Refusal(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.State.Halts.TryGetValue(RiskReason.KillSwitch, out var halt))
        {
            return $"Kill switch engaged since {halt.Since:u}: {halt.Message} No new orders until an operator releases it.";
        }

        return Breached(context) ? Describe(context) : null;
    }

    public IEnumerable<RiskEvent> Review(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.State.KillSwitchEngaged && Breached(context))
        {
            yield return Engage(context, Describe(context));
        }
    }

    public static TradingHalted Engage(RiskContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TradingHalted(context.Now, RiskReason.KillSwitch, context.TradingDay, HaltReset.Operator, message);
    }

    private bool Breached(RiskContext context) =>
        options.KillSwitchLoss is { } loss && context.State.StartingEquity > 0m
        && context.Equity <= context.State.StartingEquity * (1m - loss);

    private string Describe(RiskContext context) =>
        $"Kill switch: equity {Text.Number(context.Equity)} is {Text.Percent(options.KillSwitchLoss ?? 0m)} or more below the starting equity {Text.Number(context.State.StartingEquity)}.";
}

namespace TradingBot.Core.Risk.Rules;

/// <summary>Refuses a new entry on a symbol until <see cref="StrategyRiskOptions.CooldownAfterExit"/> has passed since its last exit.</summary>
public sealed class ExitCooldown : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var cooldown = proposal.Limits.CooldownAfterExit;
        var context = proposal.Context;
        if (cooldown <= TimeSpan.Zero || !context.State.LastExits.TryGetValue(proposal.Request.Symbol, out var exit))
        {
            return RuleVerdict.Pass;
        }

        var until = exit + cooldown;
        return context.Now < until
            ? RuleVerdict.Reject(RiskReason.Cooldown, $"{proposal.Request.Symbol} was exited at {exit:u}; no re-entry before {until:u} (cooldown {cooldown}).")
            : RuleVerdict.Pass;
    }
}

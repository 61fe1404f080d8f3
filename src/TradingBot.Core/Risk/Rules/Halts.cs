namespace TradingBot.Core.Risk.Rules;

/// <summary>The shared logic of halting breakers: a halt is active until an operator resumes it or, for next-day resets, a later UTC day begins.</summary>
internal static class Halts
{
    public static RiskHalt? Active(RiskContext context, RiskReason reason) =>
        context.State.Halts.TryGetValue(reason, out var halt) && !(halt.Reset == HaltReset.NextDay && context.TradingDay > halt.Day)
            ? halt
            : null;

    /// <summary>An entry check for a halting breaker: refused while its halt is active, or while <paramref name="breach"/> describes a breach now.</summary>
    public static RuleVerdict Check(RiskContext context, RiskReason reason, Func<RiskContext, string?> breach)
    {
        if (Active(context, reason) is { } halt)
        {
            var until = halt.Reset == HaltReset.NextDay ? "until the next UTC day or an operator resumes" : "until an operator resumes";
            return RuleVerdict.Reject(reason, $"{halt.Message} Entries are halted {until}.");
        }

        return breach(context) is { } message ? RuleVerdict.Reject(reason, message) : RuleVerdict.Pass;
    }
}

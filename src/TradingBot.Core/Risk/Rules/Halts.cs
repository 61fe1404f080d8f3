namespace TradingBot.Core.Risk.Rules;

/// <summary>The shared logic of halting breakers: a halt is active until an operator resumes it or, for next-day resets, a later UTC day begins.</summary>
internal static class Halts
{
    public static RiskHalt? Active(RiskContext context, RiskReason reason) =>
        context.State.Halts.TryGetValue(reason, out var halt) && !(halt.Reset == HaltReset.NextDay && context.TradingDay > halt.Day)
            ? halt
            : null;

    public static string Until(HaltReset reset) =>
        reset == HaltReset.NextDay ? "until the next UTC day or an operator resumes" : "until an operator resumes";
}

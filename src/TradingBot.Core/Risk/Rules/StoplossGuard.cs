namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// StoplossGuard: when <see cref="RiskOptions.StoplossGuardCount"/> stop-outs (stop-loss or trailing stop) fall
/// within <see cref="RiskOptions.StoplossGuardWindow"/> ending at the latest one, entries are locked for
/// <see cref="RiskOptions.StoplossGuardLock"/> after that latest stop-out (per symbol or account-wide).
/// </summary>
public sealed class StoplossGuard(RiskOptions options) : IEntryRule
{
    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (options.StoplossGuardCount is not { } count)
        {
            return RuleVerdict.Pass;
        }

        var context = proposal.Context;
        var symbol = proposal.Request.Symbol;
        var stops = context.State.StopOuts.Where(s => s.At <= context.Now && (!options.StoplossGuardPerSymbol || s.Symbol == symbol)).ToList();
        if (stops.Count == 0)
        {
            return RuleVerdict.Pass;
        }

        var latest = stops.Max(s => s.At);
        var inWindow = stops.Count(s => s.At > latest - options.StoplossGuardWindow);
        var until = latest + options.StoplossGuardLock;
        var scope = options.StoplossGuardPerSymbol ? $"on {symbol} " : string.Empty;
        return inWindow >= count && context.Now < until
            ? RuleVerdict.Reject(RiskReason.StoplossGuard,
                $"{inWindow} stop-outs {scope}within {options.StoplossGuardWindow} (limit {count}); entries locked until {until:u}.")
            : RuleVerdict.Pass;
    }
}

namespace TradingBot.Core.Risk.Rules;

/// <summary>One limit on entries: pass, cut the proposed quantity, or refuse with a reason.</summary>
public interface IEntryRule
{
    RuleVerdict Check(EntryProposal proposal);
}

using TradingBot.Core.Risk.Rules;

namespace TradingBot.Core.Risk.Sizing;

/// <summary>Computes an entry's quantity at signal time (before any cap), or refuses when it cannot.</summary>
public interface IPositionSizer
{
    RuleVerdict Size(EntryProposal proposal);
}

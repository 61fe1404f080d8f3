namespace TradingBot.Core.Execution;

/// <summary>Where orders for a venue go: the paper venue (default) or the real venue (explicit opt-in per venue).</summary>
public enum TradingMode
{
    Paper,
    Live,
}

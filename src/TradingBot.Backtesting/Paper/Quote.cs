using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>Top of book at <see cref="Time"/>: what a market order would pay (ask) or receive (bid).</summary>
public sealed record Quote(Symbol Symbol, decimal Bid, decimal Ask, decimal Last, DateTimeOffset Time)
{
    public decimal Mid => (Bid + Ask) / 2m;
}

using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// Each closed trade's return and profit as doubles, in trade order: the per-trade inputs of the trade statistics
/// (exact decimal arithmetic, a division per trade). A long run's pipeline worker adds the trades as they close
/// (<see cref="BacktestPipeline"/>); <see cref="Complete"/> adds whatever is left.
/// </summary>
internal sealed class TradeFigures
{
    private double[] _returns = new double[64];
    private double[] _pnl = new double[64];

    /// <summary>How many trades have been added (the first ones of the run's trade list).</summary>
    public int Count { get; private set; }

    public void Add(BacktestTrade trade)
    {
        if (Count == _returns.Length)
        {
            Array.Resize(ref _returns, Count * 2);
            Array.Resize(ref _pnl, Count * 2);
        }

        _returns[Count] = (double)trade.ReturnPct;
        _pnl[Count] = (double)trade.PnL;
        Count++;
    }

    /// <summary>Adds the trades of <paramref name="trades"/> not added yet and returns the figures of exactly those trades.</summary>
    public (double[] Returns, double[] PnL) Complete(IReadOnlyList<BacktestTrade> trades)
    {
        for (var i = Count; i < trades.Count; i++)
        {
            Add(trades[i]);
        }

        return (_returns[..trades.Count], _pnl[..trades.Count]);
    }
}

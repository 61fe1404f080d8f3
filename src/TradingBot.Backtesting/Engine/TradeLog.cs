using System.Collections;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// The closed trades of a run, in the order they closed. The loop appends; the pipeline's worker
/// (<see cref="BacktestPipeline"/>) may read, from its own thread, every trade below a count the loop published after
/// appending it (<see cref="Published"/>). Growing copies into a larger array and then swaps it in, so either array
/// holds every published trade.
/// </summary>
internal sealed class TradeLog : IReadOnlyList<BacktestTrade>
{
    private BacktestTrade[] _items = new BacktestTrade[64];
    private int _count;

    public int Count => _count;

    public BacktestTrade this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(BacktestTrade trade)
    {
        if (_count == _items.Length)
        {
            var larger = new BacktestTrade[_items.Length * 2];
            Array.Copy(_items, larger, _count);
            Volatile.Write(ref _items, larger);
        }

        _items[_count] = trade;
        _count++;
    }

    /// <summary>Trade <paramref name="index"/>, read from another thread; the loop published a count above it.</summary>
    public BacktestTrade Published(int index) => Volatile.Read(ref _items)[index];

    public IEnumerator<BacktestTrade> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

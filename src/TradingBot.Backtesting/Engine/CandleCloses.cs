using System.Collections;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Engine;

/// <summary>The closes of a candle array as doubles (for statistics), converted on access instead of copied.</summary>
internal sealed class CandleCloses(Candle[] candles) : IReadOnlyList<double>
{
    public int Count => candles.Length;

    public double this[int index] => (double)candles[index].Close;

    public IEnumerator<double> GetEnumerator()
    {
        foreach (var candle in candles)
        {
            yield return (double)candle.Close;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

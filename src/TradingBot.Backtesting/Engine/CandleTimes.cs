using System.Collections;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Engine;

/// <summary>The open times of a candle array as a read-only list, without copying them (16 bytes a bar saved).</summary>
internal sealed class CandleTimes(Candle[] candles) : IReadOnlyList<DateTimeOffset>
{
    public int Count => candles.Length;

    public DateTimeOffset this[int index] => candles[index].Time;

    public IEnumerator<DateTimeOffset> GetEnumerator()
    {
        foreach (var candle in candles)
        {
            yield return candle.Time;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// What the price chart draws: every bar when there are at most <c>maxPoints</c>, otherwise consecutive bars
/// aggregated into OHLC buckets of <see cref="BarsPerBucket"/> bars (open of the first, highest high, lowest low,
/// close of the last), so that a million-bar run stays a page of reasonable size. Chart times are whole UTC seconds
/// and strictly increasing (bars that share a second are merged). Trades keep their exact bars, times and prices;
/// only their position on the chart is the bucket that contains them.
/// </summary>
/// <param name="BarsPerBucket">Nominal bars per bucket (1 = every bar drawn).</param>
/// <param name="FirstBar">The first bar of each bucket.</param>
/// <param name="Time">Bucket start as Unix seconds (UTC).</param>
internal sealed record ChartBuckets(int Bars, int BarsPerBucket, int[] FirstBar, long[] Time, decimal[] Open, decimal[] High, decimal[] Low, decimal[] Close)
{
    /// <summary>The most points drawn per series; a 1M-bar run becomes 10,000 buckets of 100 bars.</summary>
    public const int DefaultMaxPoints = 10_000;

    public int Count => Time.Length;

    public bool IsDownsampled => Count < Bars;

    public static ChartBuckets Create(IReadOnlyList<Candle> candles, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var n = candles.Count;
        var perBucket = Math.Max(1, (int)Math.Ceiling(n / (double)maxPoints));
        var first = new List<int>(Math.Min(n, maxPoints));
        var time = new List<long>(first.Capacity);
        var open = new List<decimal>(first.Capacity);
        var high = new List<decimal>(first.Capacity);
        var low = new List<decimal>(first.Capacity);
        var close = new List<decimal>(first.Capacity);
        for (var start = 0; start < n; start += perBucket)
        {
            var end = Math.Min(n, start + perBucket);
            var seconds = candles[start].Time.ToUnixTimeSeconds();
            var merge = time.Count > 0 && seconds <= time[^1];
            if (!merge)
            {
                first.Add(start);
                time.Add(seconds);
                open.Add(candles[start].Open);
                high.Add(candles[start].High);
                low.Add(candles[start].Low);
                close.Add(candles[start].Close);
            }

            for (var i = start; i < end; i++)
            {
                high[^1] = Math.Max(high[^1], candles[i].High);
                low[^1] = Math.Min(low[^1], candles[i].Low);
            }

            close[^1] = candles[end - 1].Close;
        }

        return new ChartBuckets(n, perBucket, [.. first], [.. time], [.. open], [.. high], [.. low], [.. close]);
    }

    /// <summary>The bucket that contains <paramref name="bar"/>.</summary>
    public int BucketOf(int bar)
    {
        var index = Array.BinarySearch(FirstBar, bar);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The value at each bucket's last bar (equity, indicator lines: what a close is to a candle).</summary>
    public double[] Last(IReadOnlyList<double> values)
    {
        var result = new double[Count];
        for (var b = 0; b < Count; b++)
        {
            result[b] = values[LastBar(b)];
        }

        return result;
    }

    /// <summary>The largest value inside each bucket (drawdown: the deepest point stays visible).</summary>
    public double[] Max(IReadOnlyList<double> values)
    {
        var result = new double[Count];
        for (var b = 0; b < Count; b++)
        {
            var max = double.NaN;
            for (var i = FirstBar[b]; i <= LastBar(b); i++)
            {
                if (double.IsNaN(max) || values[i] > max)
                {
                    max = values[i];
                }
            }

            result[b] = max;
        }

        return result;
    }

    private int LastBar(int bucket) => bucket + 1 < Count ? FirstBar[bucket + 1] - 1 : Bars - 1;
}

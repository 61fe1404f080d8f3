using TradingBot.Backtesting.Reports;
using TradingBot.Core.Market;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

public sealed class ChartBucketsTests
{
    [Fact]
    public void Create_NoMoreBarsThanPoints_KeepsEveryBar()
    {
        var candles = Candles.FromCloses(10m, 11m, 12m);

        var buckets = ChartBuckets.Create(candles, maxPoints: 3);

        Assert.False(buckets.IsDownsampled);
        Assert.Equal(1, buckets.BarsPerBucket);
        Assert.Equal(candles.Select(c => c.Time.ToUnixTimeSeconds()), buckets.Time);
        Assert.Equal(candles.Select(c => c.Close), buckets.Close);
    }

    [Fact]
    public void Create_MoreBarsThanPoints_AggregatesConsecutiveBarsToOhlc()
    {
        var candles = Candles.FromOhlc(
            (10m, 12m, 9m, 11m), (11m, 15m, 10m, 14m), (14m, 14m, 8m, 9m),
            (9m, 10m, 7m, 8m), (8m, 9m, 6m, 6.5m));

        var buckets = ChartBuckets.Create(candles, maxPoints: 2);

        Assert.True(buckets.IsDownsampled);
        Assert.Equal(3, buckets.BarsPerBucket);
        Assert.Equal([candles[0].Time.ToUnixTimeSeconds(), candles[3].Time.ToUnixTimeSeconds()], buckets.Time);
        Assert.Equal([10m, 9m], buckets.Open);
        Assert.Equal([15m, 10m], buckets.High);
        Assert.Equal([8m, 6m], buckets.Low);
        Assert.Equal([9m, 6.5m], buckets.Close);
    }

    [Fact]
    public void Create_BarsWithinOneSecond_MergesThemSoChartTimesStrictlyIncrease()
    {
        var t0 = Candles.DefaultStart;
        Candle[] candles =
        [
            new(t0, 10m, 11m, 9m, 10m, 1m),
            new(t0.AddMilliseconds(500), 10m, 13m, 10m, 12m, 1m),
            new(t0.AddSeconds(1), 12m, 12m, 8m, 9m, 1m),
        ];

        var buckets = ChartBuckets.Create(candles);

        Assert.Equal([t0.ToUnixTimeSeconds(), t0.ToUnixTimeSeconds() + 1], buckets.Time);
        Assert.Equal([13m, 12m], buckets.High);
        Assert.Equal([12m, 9m], buckets.Close);
        Assert.Equal(0, buckets.BucketOf(1));
        Assert.Equal(1, buckets.BucketOf(2));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(6, 2)]
    public void BucketOf_Bar_IsTheBucketThatContainsIt(int bar, int bucket)
    {
        var buckets = ChartBuckets.Create(Candles.FromCloses(1m, 2m, 3m, 4m, 5m, 6m, 7m), maxPoints: 3);

        Assert.Equal(bucket, buckets.BucketOf(bar));
    }

    [Fact]
    public void LastAndMax_PerBucket_TakeTheLastAndTheLargestValue()
    {
        var buckets = ChartBuckets.Create(Candles.FromCloses(1m, 2m, 3m, 4m, 5m), maxPoints: 2);
        double[] values = [0.1, 0.5, 0.2, double.NaN, 0.3];

        Assert.Equal([0.2, 0.3], buckets.Last(values));
        Assert.Equal([0.5, 0.3], buckets.Max(values));
    }
}

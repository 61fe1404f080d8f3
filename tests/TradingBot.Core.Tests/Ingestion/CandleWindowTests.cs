using TradingBot.Core.Ingestion;
using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Ingestion;

public sealed class CandleWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 5, 30, TimeSpan.Zero);
    private readonly CandleWindow _window = new(Timeframe.OneMinute, 10);

    private static Candle Bar(int minute) => new(new DateTimeOffset(2026, 1, 10, 12, minute, 0, TimeSpan.Zero), 1m, 1m, 1m, 1m, 1m);

    [Fact]
    public void Since_AfterTheCursor_StartsWithTheNextBar()
    {
        Assert.Equal(Bar(3).Time, _window.Since(Bar(2).Time, Now));
    }

    [Fact]
    public void Since_FirstRun_GoesBackMaxBars()
    {
        Assert.Equal(Bar(4).Time.AddMinutes(-9), _window.Since(null, Now));
    }

    [Fact]
    public void SelectNew_KeepsOnlyClosedNewBarsOnceInOrder()
    {
        var fetched = new[] { Bar(5), Bar(2), Bar(3), Bar(3), Bar(4) };

        var fresh = _window.SelectNew(fetched, Bar(2).Time, Now);

        Assert.Equal([Bar(3).Time, Bar(4).Time], fresh.Select(c => c.Time));
    }

    [Fact]
    public void SelectNew_AfterMissedRuns_BackFillsTheGap()
    {
        var fetched = Enumerable.Range(0, 6).Select(Bar);

        var fresh = _window.SelectNew(fetched, Bar(0).Time, Now);

        Assert.Equal(4, fresh.Count);
    }

    [Fact]
    public void Aggregate_Samples_BuildCompleteBarsOnly()
    {
        var samples = new[]
        {
            new QuoteSample(Bar(3).Time.AddSeconds(5), 99m, 101m),
            new QuoteSample(Bar(3).Time.AddSeconds(20), 104m, 106m),
            new QuoteSample(Bar(3).Time.AddSeconds(40), 97m, 99m),
            new QuoteSample(Bar(3).Time.AddSeconds(55), 101m, 103m),
            new QuoteSample(Bar(5).Time.AddSeconds(10), 110m, 112m),
        };

        var candles = CandleAggregator.Aggregate(samples, Timeframe.OneMinute, Bar(0).Time, Now);

        var bar = Assert.Single(candles);
        Assert.Equal(new Candle(Bar(3).Time, 100m, 105m, 98m, 102m, 0m), bar);
    }
}

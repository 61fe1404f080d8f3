using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class MacdTests
{
    // MACD(2, 3, 2) by hand: EMA(2) = 1.5, 2.5, 5.5, 23/6 from bar 1; EMA(3) = 2, 4.5, 3.75 from bar 2;
    // line = 0.5, 1, 1/12 from bar 2; signal seeded with mean(0.5, 1) = 0.75 at bar 3, then 11/36.
    private static readonly double[] Prices = [1, 2, 3, 7, 3];

    [Fact]
    public void Update_SlowEmaReady_LineAppearsBeforeSignal()
    {
        var macd = new Macd(2, 3, 2);

        foreach (var price in Prices.Take(3))
        {
            macd.Update(price);
        }

        Assert.Equal(0.5, macd.Line, 12);
        Assert.True(double.IsNaN(macd.Signal));
        Assert.True(double.IsNaN(macd.Histogram));
        Assert.False(macd.IsReady);
    }

    [Fact]
    public void Update_SignalPeriodLineValues_SeedsSignalWithTheirMean()
    {
        var macd = new Macd(2, 3, 2);

        foreach (var price in Prices.Take(4))
        {
            macd.Update(price);
        }

        Assert.True(macd.IsReady);
        Assert.Equal(1.0, macd.Line, 12);
        Assert.Equal(0.75, macd.Signal, 12);
        Assert.Equal(0.25, macd.Histogram, 12);
    }

    [Fact]
    public void Update_AfterSignalSeed_SmoothsLineAndHistogram()
    {
        var macd = new Macd(2, 3, 2);

        foreach (var price in Prices)
        {
            macd.Update(price);
        }

        Assert.Equal(1.0 / 12.0, macd.Line, 12);
        Assert.Equal(11.0 / 36.0, macd.Signal, 12);
        Assert.Equal(-2.0 / 9.0, macd.Histogram, 12);
    }

    [Fact]
    public void Update_BeforeSlowEma_AllNaN()
    {
        var macd = new Macd(2, 3, 2);

        macd.Update(1);
        macd.Update(2);

        Assert.True(double.IsNaN(macd.Line));
        Assert.True(double.IsNaN(macd.Signal));
        Assert.True(double.IsNaN(macd.Histogram));
    }

    [Theory]
    [InlineData(12, 26, 9)]
    [InlineData(2, 3, 2)]
    [InlineData(1, 2, 1)]
    public void IsReady_SlowPlusSignalMinusOneValues_BecomesTrueExactlyThen(int fast, int slow, int signal)
    {
        var macd = new Macd(fast, slow, signal);
        var readyAt = slow + signal - 1;
        for (var i = 1; i < readyAt; i++)
        {
            macd.Update(100 + i);
        }

        var readyBefore = macd.IsReady;
        macd.Update(100 + readyAt);

        Assert.False(readyBefore);
        Assert.True(macd.IsReady);
        Assert.False(double.IsNaN(macd.Histogram));
    }

    [Fact]
    public void Constructor_Defaults_Are12_26_9()
    {
        var standard = new Macd();
        var explicitStandard = new Macd(12, 26, 9);

        foreach (var price in Enumerable.Range(0, 60).Select(i => 100 + (10 * Math.Sin(i / 5.0))))
        {
            standard.Update(price);
            explicitStandard.Update(price);
        }

        Assert.Equal(explicitStandard.Line, standard.Line);
        Assert.Equal(explicitStandard.Signal, standard.Signal);
    }

    [Theory]
    [InlineData(26, 12, 9)]
    [InlineData(12, 12, 9)]
    [InlineData(0, 26, 9)]
    [InlineData(12, 26, 0)]
    public void Constructor_InvalidPeriods_Throws(int fast, int slow, int signal)
    {
        var act = () => new Macd(fast, slow, signal);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class AtrTests
{
    // True ranges of bars 1..3: 3 (gap up: high − previous close), 2 (low − previous close), 4 (gap down).
    private static readonly (double High, double Low, double Close)[] Bars =
    [
        (10, 8, 9),
        (12, 10, 11),
        (11, 9, 10),
        (9, 6, 7),
        (8, 7, 7.5),
    ];

    [Fact]
    public void Update_FirstBar_OnlySeedsPreviousClose()
    {
        var atr = new Atr(1);

        var value = atr.Update(10, 8, 9);

        Assert.True(double.IsNaN(value));
        Assert.False(atr.IsReady);
    }

    [Fact]
    public void Update_PeriodTrueRanges_IsTheirMean()
    {
        var atr = new Atr(3);

        var values = Bars.Take(4).Select(b => atr.Update(b.High, b.Low, b.Close)).ToArray();

        Assert.True(double.IsNaN(values[2]));
        Assert.Equal(3.0, values[3], 12);
        Assert.True(atr.IsReady);
    }

    [Fact]
    public void Update_AfterSeed_UsesWilderSmoothing()
    {
        var atr = new Atr(3);
        foreach (var (high, low, close) in Bars.Take(4))
        {
            atr.Update(high, low, close);
        }

        var value = atr.Update(Bars[4].High, Bars[4].Low, Bars[4].Close);

        Assert.Equal(7.0 / 3.0, value, 12);
        Assert.Equal(value, atr.Value);
    }

    [Fact]
    public void Update_PeriodOne_IsTheLatestTrueRange()
    {
        var atr = new Atr(1);

        var values = Bars.Select(b => atr.Update(b.High, b.Low, b.Close)).ToArray();

        Assert.Equal([3.0, 2.0, 4.0, 1.0], values[1..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(14)]
    public void IsReady_PeriodPlusOneBarsSeen_BecomesTrueExactlyThen(int period)
    {
        var atr = new Atr(period);
        for (var i = 0; i < period; i++)
        {
            atr.Update(11, 9, 10);
        }

        var readyBefore = atr.IsReady;
        atr.Update(11, 9, 10);

        Assert.False(readyBefore);
        Assert.True(atr.IsReady);
        Assert.Equal(2.0, atr.Value, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        var act = () => new Atr(period);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class RsiTests
{
    [Fact]
    public void Update_PeriodPrices_StillNaN()
    {
        var rsi = new Rsi(3);

        var values = new[] { 10.0, 11.0, 12.0 }.Select(rsi.Update).ToArray();

        Assert.All(values, v => Assert.True(double.IsNaN(v)));
        Assert.False(rsi.IsReady);
    }

    [Fact]
    public void Update_PeriodPlusOnePrices_UsesSimpleMeanOfFirstChanges()
    {
        var rsi = new Rsi(3);
        foreach (var price in new[] { 10.0, 11.0, 12.0 })
        {
            rsi.Update(price);
        }

        var first = rsi.Update(11);

        Assert.True(rsi.IsReady);
        Assert.Equal(100.0 - (100.0 / 3.0), first, 12);
    }

    [Fact]
    public void Update_AfterFirstValue_UsesWilderSmoothing()
    {
        var rsi = new Rsi(3);
        foreach (var price in new[] { 10.0, 11.0, 12.0, 11.0 })
        {
            rsi.Update(price);
        }

        var second = rsi.Update(13);

        Assert.Equal(100.0 - (100.0 / 6.0), second, 12);
    }

    [Fact]
    public void Update_NoLosses_Returns100()
    {
        var rsi = new Rsi(3);

        var values = new[] { 1.0, 2.0, 3.0, 4.0, 4.0 }.Select(rsi.Update).ToArray();

        Assert.Equal(100.0, values[3]);
        Assert.Equal(100.0, values[4]);
    }

    [Fact]
    public void Update_NoMovement_Returns50()
    {
        var rsi = new Rsi(3);

        var value = new[] { 5.0, 5.0, 5.0, 5.0 }.Select(rsi.Update).ToArray()[^1];

        Assert.Equal(50.0, value);
    }

    [Fact]
    public void Update_NoGains_Returns0()
    {
        var rsi = new Rsi(2);

        var value = new[] { 9.0, 8.0, 7.0 }.Select(rsi.Update).ToArray()[^1];

        Assert.Equal(0.0, value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    public void IsReady_PeriodPlusOnePricesSeen_BecomesTrueExactlyThen(int period)
    {
        var rsi = new Rsi(period);
        for (var i = 0; i < period; i++)
        {
            rsi.Update(100 + (i % 2));
        }

        var readyBefore = rsi.IsReady;
        var valueBefore = rsi.Value;
        rsi.Update(101);

        Assert.False(readyBefore);
        Assert.True(double.IsNaN(valueBefore));
        Assert.True(rsi.IsReady);
        Assert.InRange(rsi.Value, 0.0, 100.0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        var act = () => new Rsi(period);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

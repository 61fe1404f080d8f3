using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class EmaTests
{
    [Fact]
    public void Update_BeforePeriodValues_ReturnsNaN()
    {
        var ema = new Ema(3);

        var values = new[] { 1.0, 2.0 }.Select(ema.Update).ToArray();

        Assert.All(values, v => Assert.True(double.IsNaN(v)));
        Assert.False(ema.IsReady);
    }

    [Fact]
    public void Update_PeriodthValue_IsSeededWithSimpleAverage()
    {
        var ema = new Ema(3);
        ema.Update(1);
        ema.Update(2);

        var seed = ema.Update(6);

        Assert.Equal(3.0, seed);
        Assert.True(ema.IsReady);
    }

    [Fact]
    public void Update_AfterSeed_MovesByAlphaTwoOverPeriodPlusOne()
    {
        var ema = new Ema(3);
        foreach (var value in new[] { 1.0, 2.0, 3.0 })
        {
            ema.Update(value);
        }

        var fourth = ema.Update(4);
        var fifth = ema.Update(10);

        Assert.Equal(3.0, fourth);
        Assert.Equal(6.5, fifth);
        Assert.Equal(6.5, ema.Value);
    }

    [Fact]
    public void Update_PeriodOne_FollowsEveryValue()
    {
        var ema = new Ema(1);

        var values = new[] { 4.0, 8.0, 2.0 }.Select(ema.Update).ToArray();

        Assert.Equal([4.0, 8.0, 2.0], values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(26)]
    public void IsReady_PeriodValuesSeen_BecomesTrueExactlyThen(int period)
    {
        var ema = new Ema(period);
        for (var i = 1; i < period; i++)
        {
            ema.Update(i);
        }

        var readyBefore = ema.IsReady;
        ema.Update(period);

        Assert.False(readyBefore);
        Assert.True(ema.IsReady);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        var act = () => new Ema(period);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

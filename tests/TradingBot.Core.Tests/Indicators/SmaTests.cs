using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class SmaTests
{
    [Fact]
    public void Update_FewerValuesThanPeriod_ReturnsNaN()
    {
        var sma = new Sma(3);

        var first = sma.Update(1);
        var second = sma.Update(2);

        Assert.True(double.IsNaN(first));
        Assert.True(double.IsNaN(second));
        Assert.True(double.IsNaN(sma.Value));
        Assert.False(sma.IsReady);
    }

    [Fact]
    public void Update_WindowFull_ReturnsMeanOfLastPeriodValues()
    {
        var sma = new Sma(3);
        sma.Update(1);
        sma.Update(2);

        var third = sma.Update(3);
        var fourth = sma.Update(4);
        var fifth = sma.Update(10);

        Assert.Equal(2.0, third);
        Assert.Equal(3.0, fourth);
        Assert.Equal(17.0 / 3.0, fifth, 15);
        Assert.Equal(fifth, sma.Value);
    }

    [Fact]
    public void Update_PeriodOne_ReturnsEachValue()
    {
        var sma = new Sma(1);

        var values = new[] { 5.0, -2.5, 7.25 }.Select(sma.Update).ToArray();

        Assert.Equal([5.0, -2.5, 7.25], values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(30)]
    public void IsReady_PeriodValuesSeen_BecomesTrueExactlyThen(int period)
    {
        var sma = new Sma(period);
        for (var i = 1; i < period; i++)
        {
            sma.Update(i);
        }

        var readyBefore = sma.IsReady;
        sma.Update(period);

        Assert.False(readyBefore);
        Assert.True(sma.IsReady);
        Assert.Equal((period + 1) / 2.0, sma.Value, 12);
    }

    [Fact]
    public void Update_MillionValuesOfMixedMagnitude_StaysEqualToExactWindowSum()
    {
        const int period = 50;
        var scales = new[] { 1_000_000_000m, 0.001m, 100_000m, 1m };
        var random = new Random(20240101);
        var values = Enumerable.Range(0, 1_000_000)
            .Select(i => random.NextInt64(1, 1_000_000_000_000) * scales[i / 50_000 % scales.Length] / 1_000_000_000_000m)
            .ToArray();
        var exact = (double)(values[^period..].Sum() / period);
        var sma = new Sma(period);

        foreach (var value in values)
        {
            sma.Update((double)value);
        }

        var relativeError = Math.Abs((sma.Value - exact) / exact);
        Assert.True(relativeError <= 1e-12, $"SMA {sma.Value:R} drifted from the exact window mean {exact} by {relativeError:E2} relative");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        var act = () => new Sma(period);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

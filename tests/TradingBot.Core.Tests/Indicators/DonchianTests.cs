using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class DonchianTests
{
    [Fact]
    public void Update_BeforePeriodBars_ChannelIsNaN()
    {
        var donchian = new Donchian(3);

        donchian.Update(5, 1);
        donchian.Update(7, 3);

        Assert.False(donchian.IsReady);
        Assert.True(double.IsNaN(donchian.Upper));
        Assert.True(double.IsNaN(donchian.Lower));
        Assert.True(double.IsNaN(donchian.Middle));
    }

    [Fact]
    public void Update_WindowSlides_ExtremesOfLastPeriodBarsOnly()
    {
        var donchian = new Donchian(3);
        var bars = new (double High, double Low)[] { (5, 1), (7, 3), (6, 2), (4, 0.5), (3, 2.5), (3, 2.8), (2.9, 2.7) };
        var channels = new List<(double Upper, double Lower, double Middle)>();

        foreach (var (high, low) in bars)
        {
            donchian.Update(high, low);
            channels.Add((donchian.Upper, donchian.Lower, donchian.Middle));
        }

        Assert.Equal((7.0, 1.0, 4.0), channels[2]);
        Assert.Equal((7.0, 0.5, 3.75), channels[3]);
        Assert.Equal((6.0, 0.5, 3.25), channels[4]);
        Assert.Equal((4.0, 0.5, 2.25), channels[5]);
        Assert.Equal((3.0, 2.5, 2.75), channels[6]);
    }

    [Fact]
    public void Update_RandomBars_EqualsBruteForceWindowExtremes()
    {
        var random = new Random(7);
        var bars = Enumerable.Range(0, 2_000)
            .Select(_ => random.Next(0, 50) + 0.0)
            .Select(low => (High: low + random.Next(0, 20), Low: low))
            .ToArray();

        foreach (var period in new[] { 1, 2, 3, 7, 25 })
        {
            var donchian = new Donchian(period);
            for (var i = 0; i < bars.Length; i++)
            {
                donchian.Update(bars[i].High, bars[i].Low);

                if (i >= period - 1)
                {
                    var window = bars[(i - period + 1)..(i + 1)];
                    Assert.Equal(window.Max(b => b.High), donchian.Upper);
                    Assert.Equal(window.Min(b => b.Low), donchian.Lower);
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void IsReady_PeriodBarsSeen_BecomesTrueExactlyThen(int period)
    {
        var donchian = new Donchian(period);
        for (var i = 1; i < period; i++)
        {
            donchian.Update(10 + i, 5);
        }

        var readyBefore = donchian.IsReady;
        donchian.Update(10, 4);

        Assert.False(readyBefore);
        Assert.True(donchian.IsReady);
        Assert.Equal(4.0, donchian.Lower);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        var act = () => new Donchian(period);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

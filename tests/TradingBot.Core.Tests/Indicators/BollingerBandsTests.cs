using TradingBot.Core.Indicators;

namespace TradingBot.Core.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Update_FullWindow_UsesPopulationStandardDeviation()
    {
        var bands = new BollingerBands(8, 2.0);

        foreach (var value in new[] { 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0 })
        {
            bands.Update(value);
        }

        Assert.Equal(5.0, bands.Middle, 12);
        Assert.Equal(2.0, bands.StandardDeviation, 12);
        Assert.Equal(9.0, bands.Upper, 12);
        Assert.Equal(1.0, bands.Lower, 12);
    }

    [Fact]
    public void Update_WindowSlides_ForgetsOldestValue()
    {
        var bands = new BollingerBands(2, 1.5);
        bands.Update(100);
        bands.Update(1);

        bands.Update(3);

        Assert.Equal(2.0, bands.Middle, 12);
        Assert.Equal(1.0, bands.StandardDeviation, 12);
        Assert.Equal(3.5, bands.Upper, 12);
        Assert.Equal(0.5, bands.Lower, 12);
    }

    [Fact]
    public void Update_BeforeWindowFull_AllBandsNaN()
    {
        var bands = new BollingerBands(3, 2.0);

        bands.Update(1);
        bands.Update(2);

        Assert.False(bands.IsReady);
        Assert.True(double.IsNaN(bands.Middle));
        Assert.True(double.IsNaN(bands.Upper));
        Assert.True(double.IsNaN(bands.Lower));
        Assert.True(double.IsNaN(bands.StandardDeviation));
    }

    [Theory]
    [InlineData(100.1)]
    [InlineData(0.0003)]
    [InlineData(64_123.37)]
    [InlineData(90_881.84)]
    [InlineData(3_588.663)]
    [InlineData(54_963.117)]
    public void Update_ConstantValues_BandsCollapseOntoMiddle(double value)
    {
        var bands = new BollingerBands(20, 2.0);

        for (var i = 0; i < 45; i++)
        {
            bands.Update(value);
        }

        Assert.Equal(0.0, bands.StandardDeviation);
        Assert.Equal(bands.Middle, bands.Upper);
        Assert.Equal(bands.Middle, bands.Lower);
        Assert.Equal(value, bands.Middle);
    }

    [Fact]
    public void Update_TightRangeAtHighPrice_KeepsStandardDeviationAccurate()
    {
        var bands = new BollingerBands(20, 2.0);

        for (var i = 0; i < 1_000; i++)
        {
            bands.Update(i % 2 == 0 ? 90_881.83 : 90_881.85);
        }

        Assert.Equal(0.01, bands.StandardDeviation, 1e-9);
        Assert.Equal(90_881.84, bands.Middle, 1e-9);
    }

    [Fact]
    public void Update_MillionTrendingValues_MatchesTwoPassStatisticsOfLastWindow()
    {
        const int period = 20;
        var random = new Random(11);
        var price = 100.0;
        var values = Enumerable.Range(0, 1_000_000).Select(_ => price *= Math.Exp(0.002 * ((random.NextDouble() * 2) - 1) + 0.00001)).ToArray();
        var last = values[^period..];
        var mean = last.Average();
        var sigma = Math.Sqrt(last.Select(v => (v - mean) * (v - mean)).Average());
        var bands = new BollingerBands(period, 2.0);

        foreach (var value in values)
        {
            bands.Update(value);
        }

        Assert.Equal(mean, bands.Middle, mean * 1e-12);
        Assert.Equal(sigma, bands.StandardDeviation, sigma * 1e-9);
    }

    [Fact]
    public void Update_KIsZero_BandsEqualMiddle()
    {
        var bands = new BollingerBands(2, 0.0);

        bands.Update(1);
        bands.Update(3);

        Assert.Equal(2.0, bands.Upper);
        Assert.Equal(2.0, bands.Lower);
        Assert.Equal(1.0, bands.StandardDeviation, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void IsReady_PeriodValuesSeen_BecomesTrueExactlyThen(int period)
    {
        var bands = new BollingerBands(period, 2.0);
        for (var i = 1; i < period; i++)
        {
            bands.Update(i);
        }

        var readyBefore = bands.IsReady;
        bands.Update(period);

        Assert.False(readyBefore);
        Assert.True(bands.IsReady);
        Assert.False(double.IsNaN(bands.Middle));
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(20, -0.5)]
    public void Constructor_PeriodBelowOneOrNegativeK_Throws(int period, double k)
    {
        var act = () => new BollingerBands(period, k);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

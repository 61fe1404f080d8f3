using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Data;

public sealed class GeometricBrownianMotionTests
{
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Generate_SameSeed_GivesIdenticalBars()
    {
        var first = new GeometricBrownianMotion(seed: 42).Generate(5_000, Start, Minute).ToArray();

        var second = new GeometricBrownianMotion(seed: 42).Generate(5_000, Start, Minute).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentPaths()
    {
        var first = new GeometricBrownianMotion(seed: 1).Generate(100, Start, Minute).ToArray();

        var second = new GeometricBrownianMotion(seed: 2).Generate(100, Start, Minute).ToArray();

        Assert.Equal(first[0].Open, second[0].Open);
        Assert.NotEqual(first.Select(c => c.Close), second.Select(c => c.Close));
    }

    [Fact]
    public void Generate_LongRun_BarsAreValidContiguousOhlcWithExactlySixDecimals()
    {
        var candles = new GeometricBrownianMotion(seed: 7, startPrice: 250m).Generate(20_000, Start, Minute).ToArray();

        Assert.Equal("250.000000", candles[0].Open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(candles, c => c.Validate() is not null);
        Assert.DoesNotContain(candles, c => new[] { c.Open, c.High, c.Low, c.Close, c.Volume }.Any(v => v.Scale != 6));
        Assert.DoesNotContain(Enumerable.Range(1, candles.Length - 1), i => candles[i].Open != candles[i - 1].Close);
        Assert.DoesNotContain(Enumerable.Range(0, candles.Length), i => candles[i].Time != Start + (Minute * i));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.8)]
    [InlineData(1.5)]
    public void Generate_LongRun_RealisedVolatilityMatchesRequested(double annualVolatility)
    {
        var candles = new GeometricBrownianMotion(seed: 2024, annualVolatility: annualVolatility).Generate(100_000, Start, Minute).ToArray();

        var returns = candles.Skip(1).Select((c, i) => Math.Log((double)c.Close / (double)candles[i].Close)).ToArray();
        var mean = returns.Average();
        var perBar = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        var realised = perBar * Math.Sqrt(365.0 * 24 * 60);
        Assert.InRange(realised, annualVolatility * 0.98, annualVolatility * 1.02);
    }

    [Fact]
    public void Next_ZeroVolatilityAndDrift_KeepsThePriceFlat()
    {
        var process = new GeometricBrownianMotion(seed: 3, startPrice: 100m, annualVolatility: 0.0);

        var candles = process.Generate(50, Start, Minute).ToArray();

        Assert.All(candles, c => Assert.Equal((100m, 100m, 100m, 100m), (c.Open, c.High, c.Low, c.Close)));
        Assert.Equal(100m, process.Price);
    }

    [Fact]
    public void Price_AfterBars_IsTheLastClose()
    {
        var process = new GeometricBrownianMotion(seed: 9);

        var last = process.Generate(10, Start, Minute).Last();

        Assert.Equal(last.Close, process.Price);
    }

    [Fact]
    public void Decimals_Two_RoundsPricesToCents()
    {
        var process = new GeometricBrownianMotion(seed: 9) { Decimals = 2 };

        var candles = process.Generate(1_000, Start, Minute).ToArray();

        Assert.All(candles, c => Assert.Equal(2, c.Close.Scale));
        Assert.All(candles, c => Assert.Null(c.Validate()));
    }

    [Theory]
    [InlineData(0, 0.8)]
    [InlineData(-1, 0.8)]
    [InlineData(100, -0.1)]
    public void Constructor_NonPositivePriceOrNegativeVolatility_Throws(int startPrice, double volatility)
    {
        var act = () => new GeometricBrownianMotion(1, startPrice, volatility);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Generate_NegativeBarCount_Throws()
    {
        var process = new GeometricBrownianMotion(1);

        var act = () => process.Generate(-1, Start, Minute).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Generate_ZeroBars_IsEmpty()
    {
        var process = new GeometricBrownianMotion(1);

        var candles = process.Generate(0, Start, Minute);

        Assert.Empty(candles);
    }
}

using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Market;

public sealed class CandleTests
{
    private static readonly DateTimeOffset Time = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 12, 9, 11, 100)]
    [InlineData(10, 10, 10, 10, 0)]
    [InlineData(12, 12, 9, 9, 1)]
    [InlineData(9, 12, 9, 12, 1)]
    public void Validate_ConsistentBar_ReturnsNull(decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        var candle = new Candle(Time, open, high, low, close, volume);

        var error = candle.Validate();

        Assert.Null(error);
    }

    [Theory]
    [InlineData(0, 12, 9, 11)]
    [InlineData(10, 12, 9, -1)]
    [InlineData(10, 12, 0, 11)]
    [InlineData(10, -12, 9, 11)]
    public void Validate_NonPositivePrice_SaysPricesMustBePositive(decimal open, decimal high, decimal low, decimal close)
    {
        var candle = new Candle(Time, open, high, low, close, 1m);

        var error = candle.Validate();

        Assert.Equal("prices must be positive", error);
    }

    [Fact]
    public void Validate_NegativeVolume_SaysVolumeMustNotBeNegative()
    {
        var candle = new Candle(Time, 10m, 12m, 9m, 11m, -0.5m);

        var error = candle.Validate();

        Assert.Equal("volume must not be negative", error);
    }

    [Fact]
    public void Validate_HighBelowLow_NamesBoth()
    {
        var candle = new Candle(Time, 10m, 9m, 11m, 10m, 1m);

        var error = candle.Validate();

        Assert.Equal("high 9 is below low 11", error);
    }

    [Theory]
    [InlineData(13, 11)]
    [InlineData(8, 11)]
    [InlineData(10, 12.5)]
    [InlineData(10, 8.99)]
    public void Validate_OpenOrCloseOutsideRange_NamesTheRange(decimal open, decimal close)
    {
        var candle = new Candle(Time, open, 12m, 9m, close, 1m);

        var error = candle.Validate();

        Assert.Equal($"open {open} and close {close} must lie within low 9 and high 12", error);
    }
}

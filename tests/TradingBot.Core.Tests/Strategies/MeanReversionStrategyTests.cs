using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Core.Tests.Strategies;

/// <summary>Bollinger(3, k=1) or (8, k=1) with RSI(2), oversold 30, overbought 70, on hand-picked closes.</summary>
public sealed class MeanReversionStrategyTests
{
    private static MeanReversionStrategy Create(int period = 3, bool allowShort = false) =>
        new(period, 1.0, 2, 30, 70, allowShort);

    [Fact]
    public void OnCandle_CloseBelowLowerBandAndRsiOversold_SignalsLong()
    {
        // Bar 4: window 10,10,7 → middle 9, σ √2, lower 7.59; close 7 is below it and RSI(2) is 0.
        var candles = Candles.FromCloses(10, 10, 10, 10, 7);

        var targets = StrategyFeed.Targets(Create(), candles);

        Assert.Equal([(4, TargetPosition.Long)], targets);
    }

    [Fact]
    public void OnCandle_CloseBelowLowerBandButRsiNotOversold_NoSignal()
    {
        // Bar 4: window 12,12,11 → lower band 11.20 and close 11 is below it, but RSI(2) is 33.3 after the rally.
        var candles = Candles.FromCloses(10, 10, 12, 12, 11);

        var signals = StrategyFeed.Run(Create(), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_LongAndCloseReachesMiddleBand_SignalsFlat()
    {
        // Bar 6: window 7,8,9 → middle 8; close 9 ≥ 8.
        var candles = Candles.FromCloses(10, 10, 10, 10, 7, 8, 9);

        var signals = StrategyFeed.Run(Create(), candles);

        Assert.Equal(TargetPosition.Long, signals[4]?.Target);
        Assert.Null(signals[5]);
        Assert.Equal(TargetPosition.Flat, signals[6]?.Target);
        Assert.Contains("middle band", signals[6]?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnCandle_LongAndRsiOverboughtBelowMiddle_SignalsFlat()
    {
        // Bar 11: close 7.5 is still below the middle band (8.19) but RSI(2) is 75 > 70.
        var candles = Candles.FromCloses(10, 10, 10, 10, 10, 10, 10, 10, 6, 6, 6, 7.5m);

        var targets = StrategyFeed.Targets(Create(period: 8), candles);

        Assert.Equal([(8, TargetPosition.Long), (11, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_AlreadyLongAndStillOversold_DoesNotRepeatTheSignal()
    {
        var candles = Candles.FromCloses(10, 10, 10, 10, 7, 6);

        var targets = StrategyFeed.Targets(Create(), candles);

        Assert.Equal([(4, TargetPosition.Long)], targets);
    }

    [Fact]
    public void OnCandle_AboveUpperBandAndOverboughtWithShortsAllowed_SignalsShortThenFlatAtMiddle()
    {
        // Bar 4: window 10,10,13 → upper 12.41, RSI 100; bar 6: window 13,12,11 → middle 12, close 11 ≤ 12.
        var candles = Candles.FromCloses(10, 10, 10, 10, 13, 12, 11);

        var targets = StrategyFeed.Targets(Create(allowShort: true), candles);

        Assert.Equal([(4, TargetPosition.Short), (6, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_ShortAndRsiOversoldAboveMiddle_SignalsFlat()
    {
        // Bar 11: close 12.5 is above the middle band (11.81) but RSI(2) is 25 < 30.
        var candles = Candles.FromCloses(10, 10, 10, 10, 10, 10, 10, 10, 14, 14, 14, 12.5m);

        var targets = StrategyFeed.Targets(Create(period: 8, allowShort: true), candles);

        Assert.Equal([(8, TargetPosition.Short), (11, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_AboveUpperBandWithShortsNotAllowed_NoSignal()
    {
        var candles = Candles.FromCloses(10, 10, 10, 10, 13, 12, 11);

        var signals = StrategyFeed.Run(Create(allowShort: false), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_DuringWarmup_NoSignal()
    {
        // RSI(2) has a value (0) on bar 2, but Bollinger(4) needs a fourth close: the crash on bar 2 comes too early.
        var candles = Candles.FromCloses(10, 10, 2);

        var signals = StrategyFeed.Run(Create(period: 4), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Theory]
    [InlineData(20, 14, 19)]
    [InlineData(5, 14, 14)]
    [InlineData(15, 14, 14)]
    public void WarmupBars_Always_IsFirstBarWithBandsAndRsi(int period, int rsiPeriod, int expected)
    {
        var strategy = new MeanReversionStrategy(period, 2.0, rsiPeriod, 30, 70, allowShort: false);

        var warmup = strategy.WarmupBars;

        Assert.Equal(expected, warmup);
    }

    [Fact]
    public void GetPlotValue_AfterCandles_ReturnsUpperMiddleLowerBands()
    {
        var strategy = Create();

        StrategyFeed.Run(strategy, Candles.FromCloses(10, 10, 10, 10, 7));

        Assert.Equal(["BB(3,1) upper", "BB(3,1) middle", "BB(3,1) lower"], strategy.PlotNames);
        Assert.Equal(9 + Math.Sqrt(2), strategy.GetPlotValue(0), 12);
        Assert.Equal(9.0, strategy.GetPlotValue(1), 12);
        Assert.Equal(9 - Math.Sqrt(2), strategy.GetPlotValue(2), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => strategy.GetPlotValue(3));
    }

    [Theory]
    [InlineData(70, 30)]
    [InlineData(50, 50)]
    public void Constructor_OversoldNotBelowOverbought_Throws(double oversold, double overbought)
    {
        var act = () => new MeanReversionStrategy(20, 2.0, 14, oversold, overbought, allowShort: false);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains("oversold", error.Message, StringComparison.Ordinal);
    }
}

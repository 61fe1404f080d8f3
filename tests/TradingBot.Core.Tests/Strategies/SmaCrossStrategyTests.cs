using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Core.Tests.Strategies;

/// <summary>SMA(2) against SMA(3) on hand-picked closes; the SMA values are given next to each series.</summary>
public sealed class SmaCrossStrategyTests
{
    [Fact]
    public void OnCandle_FastCrossesAboveSlow_SignalsLongOnThatBar()
    {
        // Bar 3: fast 8.5 < slow 8.67; bar 4: fast 10.5 > slow 9.67.
        var candles = Candles.FromCloses(10, 9, 8, 9, 12);

        var targets = StrategyFeed.Targets(new SmaCrossStrategy(2, 3), candles);

        Assert.Equal([(4, TargetPosition.Long)], targets);
    }

    [Fact]
    public void OnCandle_FastCrossesBelowSlow_SignalsShortOnThatBar()
    {
        // Bar 5: fast 12 > slow 11; bar 6: fast 9 < slow 10.
        var candles = Candles.FromCloses(10, 9, 8, 9, 12, 12, 6);

        var targets = StrategyFeed.Targets(new SmaCrossStrategy(2, 3), candles);

        Assert.Equal([(4, TargetPosition.Long), (6, TargetPosition.Short)], targets);
    }

    [Fact]
    public void OnCandle_FastTouchesSlowAndTurnsBack_NoSignal()
    {
        // Fast above slow, then equal on bar 4 (both 10), then above again.
        var candles = Candles.FromCloses(8, 9, 10, 12, 8, 20);

        var signals = StrategyFeed.Run(new SmaCrossStrategy(2, 3), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_CrossesThroughAnExactTouch_NoSignal()
    {
        // Below on bar 3 (9 < 9.67), equal on bar 4 (both 10), above on bar 5 (16 > 13.33): a cross is strict on
        // both bars (fast[-2] < slow[-2] and fast[-1] > slow[-1]), so passing through an exact touch is not one.
        var candles = Candles.FromCloses(12, 11, 10, 8, 12, 20);

        var signals = StrategyFeed.Run(new SmaCrossStrategy(2, 3), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_FirstBarWithBothAverages_NoSignalEvenIfFastIsAbove()
    {
        // Bar 2 is the first bar with SMA(3): fast 11.5 > slow 11, but there is no previous bar to cross from.
        var candles = Candles.FromCloses(10, 10, 13);

        var signals = StrategyFeed.Run(new SmaCrossStrategy(2, 3), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_StaysAboveAfterCross_SignalsOnlyOnce()
    {
        var candles = Candles.FromCloses(10, 9, 8, 9, 12, 13, 14, 15, 16);

        var targets = StrategyFeed.Targets(new SmaCrossStrategy(2, 3), candles);

        Assert.Equal([(4, TargetPosition.Long)], targets);
    }

    [Theory]
    [InlineData(10, 30, 29)]
    [InlineData(1, 2, 1)]
    [InlineData(5, 200, 199)]
    public void WarmupBars_Always_IsSlowMinusOne(int fast, int slow, int expected)
    {
        var strategy = new SmaCrossStrategy(fast, slow);

        var warmup = strategy.WarmupBars;

        Assert.Equal(expected, warmup);
    }

    [Fact]
    public void GetPlotValue_AfterCandles_ReturnsFastAndSlowAverages()
    {
        var strategy = new SmaCrossStrategy(2, 3);

        StrategyFeed.Run(strategy, Candles.FromCloses(10, 9, 8, 9, 12));

        Assert.Equal(["SMA(2)", "SMA(3)"], strategy.PlotNames);
        Assert.Equal(10.5, strategy.GetPlotValue(0), 12);
        Assert.Equal(29.0 / 3.0, strategy.GetPlotValue(1), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => strategy.GetPlotValue(2));
    }

    [Fact]
    public void GetPlotValue_DuringWarmup_IsNaN()
    {
        var strategy = new SmaCrossStrategy(2, 3);

        StrategyFeed.Run(strategy, Candles.FromCloses(10, 9));

        Assert.Equal(9.5, strategy.GetPlotValue(0));
        Assert.True(double.IsNaN(strategy.GetPlotValue(1)));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    [InlineData(0, 3)]
    [InlineData(2, 0)]
    public void Constructor_FastNotShorterThanSlowOrBelowOne_Throws(int fast, int slow)
    {
        var act = () => new SmaCrossStrategy(fast, slow);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains($"{fast}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_Always_IsCatalogName()
    {
        var strategy = new SmaCrossStrategy(10, 20);

        var name = strategy.Name;

        Assert.Equal("sma-cross", name);
    }
}

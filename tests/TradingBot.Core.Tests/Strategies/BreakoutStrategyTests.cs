using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Core.Tests.Strategies;

/// <summary>Entry channel of 3 bars and exit channel of 2 bars, both over the bars before the current one.</summary>
public sealed class BreakoutStrategyTests
{
    private static readonly (decimal Open, decimal High, decimal Low, decimal Close)[] Base =
    [
        (10m, 11m, 9m, 10m),
        (10m, 12m, 10m, 11m),
        (11m, 11.5m, 9.5m, 10.5m),
    ];

    // Long on bar 4 (close 13 > 12.5), then bar 5 closes at 9: below the entry low 9.5 and the exit low 11.
    private static readonly (decimal Open, decimal High, decimal Low, decimal Close)[] BreakoutThenCollapse =
        [.. Base, (10.5m, 12.5m, 11m, 12m), (12m, 13.2m, 12m, 13m), (12.4m, 12.4m, 8.9m, 9m)];

    // Bar 3: close 8.8 < lowest low 9 of bars 0-2; bar 5: close 10.7 > highest high 10.5 of bars 3-4.
    private static readonly (decimal Open, decimal High, decimal Low, decimal Close)[] BreakdownThenRecovery =
        [.. Base, (10.5m, 10.5m, 8.5m, 8.8m), (9m, 9.8m, 9m, 9.5m), (9.6m, 10.8m, 9.6m, 10.7m)];

    [Fact]
    public void OnCandle_CloseAboveHighestHighOfPreviousBars_SignalsLong()
    {
        // Bar 4: previous three highs 12, 11.5, 12.5; close 13 breaks out although its own high is 13.2.
        var candles = Candles.FromOhlc([.. Base, (10.5m, 12.5m, 11m, 12m), (12m, 13.2m, 12m, 13m)]);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: false), candles);

        Assert.Equal([(4, TargetPosition.Long)], targets);
    }

    [Fact]
    public void OnCandle_CloseEqualToChannelHigh_NoSignal()
    {
        var candles = Candles.FromOhlc([.. Base, (10.5m, 12.5m, 11m, 12m)]);

        var signals = StrategyFeed.Run(new BreakoutStrategy(3, 2, allowShort: false), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_LongAndCloseBelowExitChannelLow_SignalsFlat()
    {
        // Bar 5: exit low of bars 3-4 is 11, close 11.5 holds; bar 6: exit low of bars 4-5 is 11.2, close 11 exits.
        var candles = Candles.FromOhlc(
            [.. Base, (10.5m, 12.5m, 11m, 12m), (12m, 13.2m, 12m, 13m), (13m, 13m, 11.2m, 11.5m), (11.5m, 11.6m, 10.9m, 11m)]);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: false), candles);

        Assert.Equal([(4, TargetPosition.Long), (6, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_CloseBelowEntryChannelLowWithShortsAllowed_SignalsShortThenFlatAboveExitHigh()
    {
        var candles = Candles.FromOhlc(BreakdownThenRecovery);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: true), candles);

        Assert.Equal([(3, TargetPosition.Short), (5, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_CloseBelowEntryChannelLowWithShortsNotAllowed_NoSignal()
    {
        var candles = Candles.FromOhlc(BreakdownThenRecovery);

        var signals = StrategyFeed.Run(new BreakoutStrategy(3, 2, allowShort: false), candles);

        Assert.All(signals, s => Assert.Null(s));
    }

    [Fact]
    public void OnCandle_LongAndCloseBelowEntryChannelLowWithShortsAllowed_ReversesToShort()
    {
        var candles = Candles.FromOhlc(BreakoutThenCollapse);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: true), candles);

        Assert.Equal([(4, TargetPosition.Long), (5, TargetPosition.Short)], targets);
    }

    [Fact]
    public void OnCandle_LongAndCloseBelowEntryChannelLowWithShortsNotAllowed_OnlyExits()
    {
        var candles = Candles.FromOhlc(BreakoutThenCollapse);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: false), candles);

        Assert.Equal([(4, TargetPosition.Long), (5, TargetPosition.Flat)], targets);
    }

    [Fact]
    public void OnCandle_ShortAndCloseAboveEntryChannelHigh_ReversesToLong()
    {
        // Bar 4: close 12.5 > highest high 12 of bars 1-3.
        var candles = Candles.FromOhlc([.. Base, (10.5m, 10.5m, 8.5m, 8.8m), (9.9m, 12.6m, 9.9m, 12.5m)]);

        var targets = StrategyFeed.Targets(new BreakoutStrategy(3, 2, allowShort: true), candles);

        Assert.Equal([(3, TargetPosition.Short), (4, TargetPosition.Long)], targets);
    }

    [Fact]
    public void OnCandle_BeforeBothChannelsHavePreviousBars_NoSignal()
    {
        // Entry 3, exit 5: the first bar with five previous bars is bar 5, so the spike on bar 4 is ignored.
        var candles = Candles.FromOhlc([.. Base, (10.5m, 12.5m, 11m, 12m), (12m, 50m, 12m, 50m)]);
        var strategy = new BreakoutStrategy(3, 5, allowShort: false);

        var signals = StrategyFeed.Run(strategy, candles);

        Assert.All(signals, s => Assert.Null(s));
        Assert.Equal(5, strategy.WarmupBars);
    }

    [Theory]
    [InlineData(20, 10, 20)]
    [InlineData(10, 20, 20)]
    [InlineData(1, 1, 1)]
    public void WarmupBars_Always_IsLongerChannel(int entry, int exit, int expected)
    {
        var strategy = new BreakoutStrategy(entry, exit, allowShort: false);

        var warmup = strategy.WarmupBars;

        Assert.Equal(expected, warmup);
    }

    [Fact]
    public void GetPlotValue_AfterCandles_ReturnsEntryAndExitChannelsIncludingLatestBar()
    {
        var strategy = new BreakoutStrategy(3, 2, allowShort: false);

        StrategyFeed.Run(strategy, Candles.FromOhlc([.. Base, (10.5m, 12.5m, 11m, 12m)]));

        Assert.Equal(["Donchian(3) upper", "Donchian(3) lower", "Donchian(2) exit lower", "Donchian(2) exit upper"], strategy.PlotNames);
        Assert.Equal(12.5, strategy.GetPlotValue(0));
        Assert.Equal(9.5, strategy.GetPlotValue(1));
        Assert.Equal(9.5, strategy.GetPlotValue(2));
        Assert.Equal(12.5, strategy.GetPlotValue(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => strategy.GetPlotValue(4));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(20, 0)]
    public void Constructor_ChannelBelowOneBar_Throws(int entry, int exit)
    {
        var act = () => new BreakoutStrategy(entry, exit, allowShort: false);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}

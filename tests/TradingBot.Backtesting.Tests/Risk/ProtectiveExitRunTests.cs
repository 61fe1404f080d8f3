using TradingBot.Backtesting.Engine;
using TradingBot.Core.Strategies;
using TradingBot.Testing;
using static TradingBot.Backtesting.Tests.Risk.RiskRuns;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>Stop-loss, take-profit and trailing stops in the simulated broker, on hand-made daily bars.</summary>
public sealed class ProtectiveExitRunTests
{
    /// <summary>
    /// Long 100 units filled at bar 2's open (100) with a 10 % trailing stop (90). Bar 2's high 110 raises it to 99,
    /// bar 3's high 120 to 108, bar 4's high 119 leaves it at 108; bar 5 trades down through 108 and the position
    /// exits there, at bar 5, by the trailing stop.
    /// </summary>
    [Fact]
    public void Run_TrailingStop_ExitsAtTheRaisedLevelOnTheExactBar()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 110m, 99m, 108m),
            (108m, 120m, 107m, 118m), (118m, 119m, 112m, 113m), (113m, 114m, 105m, 106m), (106m, 107m, 105m, 106m));

        var result = Run(candles, With(s => s with { TrailingStopPercent = 0.10m }), (1, TargetPosition.Long));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((2, 5, 100m, 100m, 108m, ExitReason.TrailingStop), (trade.EntryBar, trade.ExitBar, trade.Size, trade.EntryPrice, trade.ExitPrice, trade.ExitReason));
        Assert.Equal(108m, trade.StopLoss);
        Assert.Equal(800m, trade.PnL);
    }

    [Fact]
    public void Run_TrailingStopGappedThrough_FillsAtTheOpen()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 110m, 99m, 108m),
            (108m, 120m, 107m, 118m), (104m, 105m, 101m, 102m), (102m, 102m, 102m, 102m));

        var trade = Assert.Single(Run(candles, With(s => s with { TrailingStopPercent = 0.10m }), (1, TargetPosition.Long)).Trades);

        Assert.Equal((4, 104m, ExitReason.TrailingStop), (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
    }

    [Fact]
    public void Run_StopLossTighterThanTrail_ReportsStopLoss()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100.5m, 97m, 97.5m), (97.5m, 98m, 97m, 97m));

        var trade = Assert.Single(Run(candles, With(s => s with { StopLossPercent = 0.02m, TrailingStopPercent = 0.05m }), (1, TargetPosition.Long)).Trades);

        Assert.Equal((2, 98m, ExitReason.StopLoss), (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
    }

    /// <summary>Stop-loss 2 % (98) and take-profit 5 % (105) both inside the entry bar: the stop wins (pessimistic).</summary>
    [Fact]
    public void Run_StopAndTargetInTheSameBar_StopLossWins()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 106m, 97m, 104m), (104m, 104m, 104m, 104m));

        var trade = Assert.Single(Run(candles, With(s => s with { StopLossPercent = 0.02m, TakeProfitPercent = 0.05m }), (1, TargetPosition.Long)).Trades);

        Assert.Equal((2, 2, 98m, ExitReason.StopLoss), (trade.EntryBar, trade.ExitBar, trade.ExitPrice, trade.ExitReason));
        Assert.Equal((98m, 105m), (trade.StopLoss, trade.TakeProfit));
    }

    [Fact]
    public void Run_TargetOnly_TakeProfitAtTheLimitOrABetterOpen()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 104m, 99m, 103m), (107m, 108m, 106m, 107m), (107m, 107m, 107m, 107m));

        var trade = Assert.Single(Run(candles, With(s => s with { StopLossPercent = 0.02m, TakeProfitPercent = 0.05m }), (1, TargetPosition.Long)).Trades);

        Assert.Equal((3, 107m, ExitReason.TakeProfit), (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
    }

    [Fact]
    public void Run_ShortWithStop_StopAboveTheEntry()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (100m, 103m, 99m, 102m), (102m, 102m, 102m, 102m));

        var trade = Assert.Single(Run(candles, With(s => s with { StopLossPercent = 0.02m }), (1, TargetPosition.Short)).Trades);

        Assert.Equal((-100m, 3, 102m, ExitReason.StopLoss), (trade.Size, trade.ExitBar, trade.ExitPrice, trade.ExitReason));
    }
}

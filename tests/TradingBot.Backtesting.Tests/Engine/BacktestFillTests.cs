using TradingBot.Backtesting.Engine;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Engine;

/// <summary>The fill rules of docs/backtesting.md §2.2, driven through <see cref="Backtest.Run"/> with scripted signals.</summary>
public sealed class BacktestFillTests
{
    // Daily bars (open, high, low, close).
    private static readonly Core.Market.Candle[] Bars = Candles.FromOhlc(
        (100m, 100m, 100m, 100m),
        (100m, 105m, 99m, 104m),
        (105m, 110m, 104m, 108m),
        (108m, 109m, 100m, 102m),
        (102m, 104m, 101m, 103m));

    [Fact]
    public void Run_MarketSignal_FillsAtNextBarsOpenWithAllInWholeUnits()
    {
        var strategy = ScriptedStrategy.At((1, TargetPosition.Long), (3, TargetPosition.Flat));

        var result = Backtest.Run(Bars, strategy);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(95m, trade.Size);
        Assert.Equal(2, trade.EntryBar);
        Assert.Equal(105m, trade.EntryPrice);
        Assert.Equal(4, trade.ExitBar);
        Assert.Equal(102m, trade.ExitPrice);
        Assert.Equal(-285m, trade.PnL);
        Assert.Equal(ExitReason.Signal, trade.ExitReason);
        Assert.Equal([10_000, 10_000, 10_285, 9_715, 9_715], result.Equity);
        Assert.Equal(9_715m, result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_TradeOnClose_FillsAtSignalBarsCloseStampedWithThatBar()
    {
        var strategy = ScriptedStrategy.At((1, TargetPosition.Long), (3, TargetPosition.Flat));

        var result = Backtest.Run(Bars, strategy, new BacktestOptions { TradeOnClose = true });

        var trade = Assert.Single(result.Trades);
        Assert.Equal(96m, trade.Size);
        Assert.Equal((1, 104m), (trade.EntryBar, trade.EntryPrice));
        Assert.Equal((3, 102m), (trade.ExitBar, trade.ExitPrice));
        Assert.Equal(9_808m, result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_CashExactMultipleOfPrice_BuysOneUnitLessLikeTheReference()
    {
        var bars = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (100m, 100m, 100m, 100m));

        var result = Backtest.Run(bars, ScriptedStrategy.At((1, TargetPosition.Long)));

        Assert.Equal(99m, Assert.Single(result.Trades).Size);
    }

    [Fact]
    public void Run_FractionalQuantityStep_TruncatesToTheStep()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long), (3, TargetPosition.Flat)),
            new BacktestOptions { QuantityStep = 0.001m });

        Assert.Equal(95.238m, Assert.Single(result.Trades).Size);
    }

    [Fact]
    public void Run_CommissionAndSpread_ChargedOnEntryAtAdjustedPriceAndOnExitAtRawPrice()
    {
        var options = new BacktestOptions { Commission = 0.01m, Spread = 0.001m };

        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long), (3, TargetPosition.Flat)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(94m, trade.Size);
        Assert.Equal(105.105m, trade.EntryPrice);
        Assert.Equal(102m, trade.ExitPrice);
        Assert.Equal(98.7987m + 95.88m, trade.Commission);
        Assert.Equal(-486.5487m, trade.PnL);
        Assert.Equal(9_513.4513m, result.Statistics.EquityFinal);
        Assert.Equal((102m / 105.105m) - 1m - (194.6787m / (94m * 105.105m)), trade.ReturnPct);
    }

    [Fact]
    public void Run_ShortEntryWithSpread_SellsBelowTheOpen()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Short), (3, TargetPosition.Flat)),
            new BacktestOptions { Spread = 0.01m });

        var trade = Assert.Single(result.Trades);
        Assert.Equal(103.95m, trade.EntryPrice);
        Assert.Equal(-96m, trade.Size);
        Assert.Equal(-96m * (102m - 103.95m), trade.PnL);
    }

    [Fact]
    public void Run_Reversal_ClosesTheLongThenOpensTheShortWithTheCashLeft()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long), (2, TargetPosition.Short), (3, TargetPosition.Flat)));

        Assert.Equal(2, result.Trades.Count);
        var (first, second) = (result.Trades[0], result.Trades[1]);
        Assert.Equal((95m, 2, 3, 108m), (first.Size, first.EntryBar, first.ExitBar, first.ExitPrice));
        var cashAfterFirst = 10_000m + (95m * (108m - 105m));
        Assert.Equal(-Math.Floor(cashAfterFirst * 0.9999999999999997779553950750m / 108m), second.Size);
        Assert.Equal((3, 108m, 4, 102m), (second.EntryBar, second.EntryPrice, second.ExitBar, second.ExitPrice));
    }

    [Fact]
    public void Run_NotEnoughCashForOneUnit_CancelsTheOrderWithAWarning()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long)), new BacktestOptions { Cash = 50m });

        Assert.Empty(result.Trades);
        Assert.Contains(result.Warnings, w => w.Contains("cancelled", StringComparison.Ordinal));
        Assert.Equal(50m, result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_OpenTradeAtTheEnd_IsClosedAtTheLastBarsOpen()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((4, 102m, ExitReason.End), (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
        Assert.Equal(9_715, result.Equity[^1]);
    }

    [Fact]
    public void Run_NoFinalize_LeavesTheOpenTradeOutOfTheStatistics()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long)), new BacktestOptions { FinalizeTrades = false });

        Assert.Empty(result.Trades);
        Assert.Equal(0, result.Statistics.Trades);
        Assert.Equal(10_000m + (95m * (103m - 105m)), result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_EquityFallsToZero_LiquidatesAtTheCloseAndStops()
    {
        var bars = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m),
            (100m, 260m, 100m, 250m), (250m, 260m, 240m, 255m));

        var result = Backtest.Run(bars, ScriptedStrategy.At((1, TargetPosition.Short)), new BacktestOptions { Cash = 1_000m });

        var trade = Assert.Single(result.Trades);
        Assert.Equal((-9m, 3, 250m, ExitReason.Liquidation), (trade.Size, trade.ExitBar, trade.ExitPrice, trade.ExitReason));
        Assert.Equal([1_000, 1_000, 1_000, 0, 0], result.Equity);
        Assert.Equal(0m, result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_SignalsDuringWarmup_AreIgnoredAndEquityStaysAtCash()
    {
        var strategy = new ScriptedStrategy(new Dictionary<int, TargetPosition> { [1] = TargetPosition.Long, [3] = TargetPosition.Long }, warmupBars: 2);

        var result = Backtest.Run(Bars, strategy);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(4, trade.EntryBar);
        Assert.Equal([10_000, 10_000, 10_000, 10_000], result.Equity[..4]);
    }

    [Fact]
    public void Run_SameTargetTwice_DoesNotTradeAgain()
    {
        var result = Backtest.Run(Bars, ScriptedStrategy.At((1, TargetPosition.Long), (2, TargetPosition.Long)));

        Assert.Single(result.Trades);
    }

    [Fact]
    public void Run_InvalidOptions_ThrowsNamingEveryProblem()
    {
        var options = new BacktestOptions { Cash = 0m, Commission = 0.5m, Spread = -0.1m, QuantityStep = 0m };

        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(Bars, ScriptedStrategy.At(), options));

        Assert.Contains("cash must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("commission", error.Message, StringComparison.Ordinal);
        Assert.Contains("spread", error.Message, StringComparison.Ordinal);
        Assert.Contains("quantity step", error.Message, StringComparison.Ordinal);
    }
}

using TradingBot.Backtesting.Engine;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Engine;

/// <summary>Stop, limit and SL/TP rules of docs/backtesting.md §2.2, bar by bar on the simulated broker.</summary>
public sealed class SimulatedBrokerTests
{
    private static SimulatedBroker Broker(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        new(Candles.FromOhlc(bars), new BacktestOptions());

    private static void Buy(SimulatedBroker broker, decimal units, decimal? limit = null, decimal? stop = null, decimal? sl = null, decimal? tp = null) =>
        broker.PlaceEntry(+1, units, 0m, limit, stop, sl, tp, "test");

    private static void Sell(SimulatedBroker broker, decimal units, decimal? limit = null, decimal? stop = null, decimal? sl = null, decimal? tp = null) =>
        broker.PlaceEntry(-1, units, 0m, limit, stop, sl, tp, "test");

    [Fact]
    public void ProcessOrders_BuyStopTouchedIntrabar_FillsAtTheStop()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 106m, 99m, 105m));
        Buy(broker, 10m, stop: 103m);

        broker.ProcessOrders(1);

        Assert.Equal(103m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_BuyStopGappedThrough_FillsAtTheOpen()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (104m, 106m, 103m, 105m));
        Buy(broker, 10m, stop: 103m);

        broker.ProcessOrders(1);

        Assert.Equal(104m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_StopNotReached_KeepsTheOrderPending()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 102.99m, 99m, 101m));
        Buy(broker, 10m, stop: 103m);

        broker.ProcessOrders(1);

        Assert.Empty(broker.OpenTrades);
        Assert.True(broker.HasOrders);
    }

    [Fact]
    public void ProcessOrders_SellStop_TriggersOnTheLowAndFillsAtTheLowerOfOpenAndStop()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 94m, 95m));
        Sell(broker, 10m, stop: 97m);

        broker.ProcessOrders(1);

        var trade = Assert.Single(broker.OpenTrades);
        Assert.Equal((-10m, 97m), (trade.Size, trade.EntryPrice));
    }

    [Fact]
    public void PlaceEntry_AfterACancelledLimitOrderWithExits_IsAPlainMarketOrder()
    {
        // Entry and close orders are reused once they leave the queue: nothing of the old order may leak into the new one.
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 90m, 95m), (95m, 130m, 80m, 96m));
        Buy(broker, 10m, limit: 50m, sl: 60m, tp: 200m);
        broker.CancelPendingEntries();
        Sell(broker, 5m);

        broker.ProcessOrders(1);
        broker.ProcessOrders(2);

        var trade = Assert.Single(broker.OpenTrades);
        Assert.Equal((-5m, 100m, 1), (trade.Size, trade.EntryPrice, trade.EntryBar));
        Assert.Null(trade.StopLossOrder);
        Assert.Null(trade.TakeProfitOrder);
        Assert.False(broker.HasOrders);
    }

    [Fact]
    public void PlaceEntry_AfterATradeWithExitsClosed_OpensATradeWithNoneOfItsState()
    {
        // Closed trades are reused for later ones: the new trade must not inherit the old one's exits or entry.
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (102m, 103m, 101m, 102m), (104m, 105m, 103m, 104m));
        Buy(broker, 10m, sl: 80m, tp: 150m);
        broker.ProcessOrders(1);
        broker.CloseAll(ExitReason.Signal);
        Sell(broker, 4m);

        broker.ProcessOrders(2);
        broker.ProcessOrders(3);

        var closed = Assert.Single(broker.ClosedTrades);
        Assert.Equal((10m, 100m, 102m, 80m, 150m), (closed.Size, closed.EntryPrice, closed.ExitPrice, closed.StopLoss, closed.TakeProfit));
        var open = Assert.Single(broker.OpenTrades);
        Assert.Equal((-4m, 102m, 2, true), (open.Size, open.EntryPrice, open.EntryBar, open.IsOpen));
        Assert.Null(open.StopLossOrder);
        Assert.Null(open.TakeProfitOrder);
        Assert.False(broker.HasOrders);
    }

    [Fact]
    public void ProcessOrders_BuyLimitTouched_FillsAtTheLimit()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 97m, 99m));
        Buy(broker, 10m, limit: 98m);

        broker.ProcessOrders(1);

        Assert.Equal(98m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_BuyLimitWithOpenBelowIt_FillsAtTheBetterOpen()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (96m, 99m, 95m, 97m));
        Buy(broker, 10m, limit: 98m);

        broker.ProcessOrders(1);

        Assert.Equal(96m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_BuyLimitExactlyAtTheLow_Fills()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 98m, 99m));
        Buy(broker, 10m, limit: 98m);

        broker.ProcessOrders(1);

        Assert.Single(broker.OpenTrades);
    }

    [Fact]
    public void ProcessOrders_SellLimitWithOpenAboveIt_FillsAtTheBetterOpen()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (104m, 105m, 101m, 102m));
        Sell(broker, 10m, limit: 103m);

        broker.ProcessOrders(1);

        Assert.Equal(104m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_StopLimitBothHitInOneBar_AssumesLimitFirstAndWaits()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 106m, 99m, 105m), (105m, 106m, 101m, 102m));
        Buy(broker, 10m, limit: 102m, stop: 103m);

        broker.ProcessOrders(1);
        var afterTriggerBar = broker.OpenTrades.Count;
        broker.ProcessOrders(2);

        Assert.Equal(0, afterTriggerBar);
        Assert.Equal(102m, Assert.Single(broker.OpenTrades).EntryPrice);
    }

    [Fact]
    public void ProcessOrders_StopLossAndTakeProfitHitInTheSameBar_StopLossWins()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (100m, 112m, 94m, 100m));
        Buy(broker, 10m, sl: 95m, tp: 110m);
        broker.ProcessOrders(1);

        broker.ProcessOrders(2);

        var trade = Assert.Single(broker.ClosedTrades);
        Assert.Equal((95m, ExitReason.StopLoss, 95m, 110m), (trade.ExitPrice, trade.ExitReason, trade.StopLoss, trade.TakeProfit));
        Assert.False(broker.HasOrders);
    }

    [Fact]
    public void ProcessOrders_MarketEntryWithStopLoss_CanStopOutOnTheEntryBar()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 94m, 96m));
        Buy(broker, 10m, sl: 95m);

        broker.ProcessOrders(1);

        var trade = Assert.Single(broker.ClosedTrades);
        Assert.Equal((1, 1, 100m, 95m), (trade.EntryBar, trade.ExitBar, trade.EntryPrice, trade.ExitPrice));
    }

    [Fact]
    public void ProcessOrders_LimitEntryWithTakeProfit_PostponesTheTakeProfitToTheNextBar()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 97m, 100m), (100m, 100.5m, 99m, 100m));
        Buy(broker, 10m, limit: 98m, tp: 99m);

        broker.ProcessOrders(1);
        var openAfterEntryBar = broker.OpenTrades.Count;
        broker.ProcessOrders(2);

        Assert.Equal(1, openAfterEntryBar);
        var trade = Assert.Single(broker.ClosedTrades);
        Assert.Equal((2, 100m, ExitReason.TakeProfit), (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
    }

    [Fact]
    public void ProcessOrders_StopLossGappedThrough_FillsAtTheOpen()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (90m, 92m, 88m, 91m));
        Buy(broker, 10m, sl: 95m);
        broker.ProcessOrders(1);

        broker.ProcessOrders(2);

        Assert.Equal(90m, Assert.Single(broker.ClosedTrades).ExitPrice);
    }

    [Fact]
    public void ProcessOrders_TakeProfitWithOpenAboveIt_FillsAtTheBetterOpen()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (112m, 113m, 111m, 112m));
        Buy(broker, 10m, tp: 110m);
        broker.ProcessOrders(1);

        broker.ProcessOrders(2);

        Assert.Equal(112m, Assert.Single(broker.ClosedTrades).ExitPrice);
    }

    [Fact]
    public void ProcessOrders_OppositeEntrySmallerThanTheTrade_ReducesItFifoAndRecordsTheClosedPart()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (105m, 106m, 104m, 105m));
        Buy(broker, 10m);
        broker.ProcessOrders(1);
        Sell(broker, 4m);

        broker.ProcessOrders(2);

        var closed = Assert.Single(broker.ClosedTrades);
        Assert.Equal((4m, 100m, 105m, 20m), (closed.Size, closed.EntryPrice, closed.ExitPrice, closed.PnL));
        Assert.Equal(6m, Assert.Single(broker.OpenTrades).Size);
        Assert.Equal(6m, broker.PositionSize);
        Assert.Equal(10_020m, broker.Cash);
        Assert.Equal(10_050m, broker.EquityAt(2));
    }

    [Fact]
    public void ProcessOrders_OppositeEntryLargerThanTheTrade_ClosesItAndOpensTheRemainder()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (105m, 106m, 104m, 105m));
        Buy(broker, 10m);
        broker.ProcessOrders(1);
        Sell(broker, 15m);

        broker.ProcessOrders(2);

        Assert.Equal(10m, Assert.Single(broker.ClosedTrades).Size);
        Assert.Equal(-5m, Assert.Single(broker.OpenTrades).Size);
    }

    [Fact]
    public void CloseAll_QueuedBehindAnEntry_ClosesFirst()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (110m, 111m, 109m, 110m));
        Buy(broker, 10m);
        broker.ProcessOrders(1);
        broker.PlaceEntry(-1, 0m, SimulatedBroker.AllIn, null, null, null, null, "reverse");
        broker.CloseAll(ExitReason.Signal);

        broker.ProcessOrders(2);

        Assert.Equal(110m, Assert.Single(broker.ClosedTrades).ExitPrice);
        var cashAfterClose = 10_000m + 100m;
        Assert.Equal(-Math.Floor(cashAfterClose * SimulatedBroker.AllIn / 110m), Assert.Single(broker.OpenTrades).Size);
    }

    [Fact]
    public void EquityAt_OpenLong_MarksToTheClose()
    {
        var broker = Broker((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100.5m));
        Buy(broker, 10m);

        broker.ProcessOrders(1);

        Assert.Equal(10_005m, broker.EquityAt(1));
        Assert.Equal(10_000m, broker.Cash);
    }

    [Fact]
    public void ProcessOrders_FixedCommission_ChargedPerFill()
    {
        var broker = new SimulatedBroker(Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 101m, 99m, 100m), (110m, 111m, 109m, 110m)),
            new BacktestOptions { FixedCommission = 2m });
        Buy(broker, 10m);
        broker.ProcessOrders(1);
        broker.CloseAll(ExitReason.Signal);

        broker.ProcessOrders(2);

        var trade = Assert.Single(broker.ClosedTrades);
        Assert.Equal((4m, 96m), (trade.Commission, trade.PnL));
        Assert.Equal(10_096m, broker.Cash);
    }

}

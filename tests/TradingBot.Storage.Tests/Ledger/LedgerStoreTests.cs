using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Ledger;

[Collection(AzuriteTests.Name)]
public sealed class LedgerStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly LedgerStore _ledger = new(StoreFactory.Tables(azurite), new PartitionLocks());

    private static OrderFilled Fill(string tradeId, OrderSide side, decimal amount, decimal price, decimal fee = 0m)
    {
        var order = new TrackedOrder("ord-1", "tb1", "sig-1", "candle:1", "s1", "binance", "paper-binance", TradingMode.Paper, Symbol.Parse("BTC/USDT"),
            side, OrderType.Market, amount, price, At);
        return OrderFilled.For(order, new ExecutionFill(tradeId, price, amount, fee, fee > 0m ? "USDT" : null, At));
    }

    [Fact]
    public async Task Unapplied_NamesTheFillsWithoutAMarkerInThatAccount()
    {
        var applied = Fill("t1", OrderSide.Buy, 0.5m, 100m);
        var pending = Fill("t2", OrderSide.Buy, 0.5m, 100m);
        await _ledger.ApplyAsync(applied, default);

        Assert.Equal([pending.Id], await _ledger.UnappliedAsync("paper-binance", [applied.Id, pending.Id], default));
        Assert.Equal([applied.Id], await _ledger.UnappliedAsync("binance", [applied.Id], default));
    }

    [Fact]
    public async Task RecentPositions_OwnFillsAtOnce_AnotherInstancesWithinTheAge()
    {
        var time = new FakeTimeProvider(At);
        var tables = StoreFactory.Tables(azurite);
        var ledger = new LedgerStore(tables, new PartitionLocks(), time);
        var elsewhere = new LedgerStore(tables, new PartitionLocks(), time);
        var age = TimeSpan.FromSeconds(2);
        Assert.Empty(await ledger.GetRecentPositionsAsync("paper-binance", age, default));

        await ledger.ApplyAsync(Fill("t1", OrderSide.Buy, 0.5m, 100m), default);
        var afterOwn = await ledger.GetRecentPositionsAsync("paper-binance", age, default);
        await elsewhere.ApplyAsync(Fill("t2", OrderSide.Buy, 0.25m, 100m), default);
        var remembered = await ledger.GetRecentPositionsAsync("paper-binance", age, default);
        time.Advance(age + TimeSpan.FromSeconds(1));
        var reread = await ledger.GetRecentPositionsAsync("paper-binance", age, default);

        Assert.Equal(0.5m, Assert.Single(afterOwn).Quantity);
        Assert.Equal(0.5m, Assert.Single(remembered).Quantity); // not read again within the age
        Assert.Equal(0.75m, Assert.Single(reread).Quantity);
        Assert.Equal(0.75m, Assert.Single(await ledger.GetPositionsAsync("paper-binance", default)).Quantity);
    }

    [Fact]
    public async Task PositionsSince_AReadBegunAfterTheMarkServes_AnOlderReadOrAnOwnFillSinceDoesNot()
    {
        var tables = StoreFactory.Tables(azurite);
        var ledger = new LedgerStore(tables, new PartitionLocks());
        var elsewhere = new LedgerStore(tables, new PartitionLocks());
        await ledger.ApplyAsync(Fill("t1", OrderSide.Buy, 0.5m, 100m), default);
        var waiting = RecentValue.Mark(); // a delivery arrives and queues behind the one reading now
        await ledger.GetPositionsSinceAsync("paper-binance", RecentValue.Mark(), TimeSpan.MaxValue, default);

        await elsewhere.ApplyAsync(Fill("t2", OrderSide.Buy, 0.25m, 100m), default);
        var shared = await ledger.GetPositionsSinceAsync("paper-binance", waiting, TimeSpan.MaxValue, default);
        var arrivedLater = await ledger.GetPositionsSinceAsync("paper-binance", RecentValue.Mark(), TimeSpan.MaxValue, default);
        var waitingAgain = RecentValue.Mark();
        await ledger.GetPositionsSinceAsync("paper-binance", RecentValue.Mark(), TimeSpan.MaxValue, default);
        await ledger.ApplyAsync(Fill("t3", OrderSide.Buy, 0.25m, 100m), default);
        var afterOwnFill = await ledger.GetPositionsSinceAsync("paper-binance", waitingAgain, TimeSpan.MaxValue, default);

        Assert.Equal(0.5m, Assert.Single(shared).Quantity); // the read it waited behind began after it arrived
        Assert.Equal(0.75m, Assert.Single(arrivedLater).Quantity); // that read began before it arrived: read again
        Assert.Equal(1m, Assert.Single(afterOwnFill).Quantity); // a fill this process applied since: read again
    }

    [Fact]
    public async Task Apply_SameFillTwice_CountsOnce()
    {
        var fill = Fill("t1", OrderSide.Buy, 0.5m, 100m, 0.05m);

        var first = await _ledger.ApplyAsync(fill, default);
        var second = await _ledger.ApplyAsync(fill, default);

        Assert.Equal(FillApplication.Applied, first);
        Assert.Equal(FillApplication.AlreadyApplied, second);
        var position = Assert.Single(await _ledger.GetPositionsAsync("paper-binance", default));
        Assert.Equal(0.5m, position.Quantity);
        Assert.Equal(1, position.FillCount);
        var balances = await _ledger.GetBalancesAsync("paper-binance", default);
        Assert.Equal(0.5m, balances["BTC"]);
        Assert.Equal(-50.05m, balances["USDT"]);
    }

    [Fact]
    public async Task Apply_BuyThenSell_RealizesExactDecimalPnl()
    {
        await _ledger.ApplyAsync(Fill("t1", OrderSide.Buy, 0.00012345m, 97000.01m), default);
        await _ledger.ApplyAsync(Fill("t2", OrderSide.Sell, 0.00012345m, 98000.02m), default);

        var position = Assert.Single(await _ledger.GetPositionsAsync("paper-binance", default));

        Assert.True(position.IsFlat);
        Assert.Equal(0.00012345m * 1000.01m, position.RealizedPnl);
    }

    [Fact]
    public async Task Apply_ConcurrentDistinctFills_AllCount()
    {
        var fills = Enumerable.Range(1, 10).Select(i => Fill("t" + i, OrderSide.Buy, 0.1m, 100m)).ToList();

        await Task.WhenAll(fills.Select(f => _ledger.ApplyAsync(f, default)));

        var position = Assert.Single(await _ledger.GetPositionsAsync("paper-binance", default));
        Assert.Equal(1m, position.Quantity);
        Assert.Equal(10, position.FillCount);
    }
}

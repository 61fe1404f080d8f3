using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Orders;

[Collection(AzuriteTests.Name)]
public sealed class OrderStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly OrderStore _orders = new(StoreFactory.Tables(azurite));

    private static TrackedOrder NewOrder(string id = "ord-1") => new(id, "tb" + id, "sig-1", "candle:1", "s/1", "binance", "paper-binance",
        TradingMode.Paper, Symbol.Parse("BTC/USDT"), OrderSide.Buy, OrderType.Market, 0.012345678m, 97000.12m, At)
    {
        SubmittedAt = At,
        UpdatedAt = At,
    };

    [Fact]
    public async Task Claim_SecondClaim_GetsTheRecordedOrderInstead()
    {
        var first = await _orders.ClaimAsync(NewOrder(), default);
        var second = await _orders.ClaimAsync(NewOrder() with { Amount = 5m }, default);

        Assert.True(first.Claimed);
        Assert.False(second.Claimed);
        Assert.Equal(0.012345678m, second.Stored.Order.Amount);
        Assert.Equal(NewOrder(), second.Stored.Order);
    }

    [Fact]
    public async Task Claim_ConcurrentClaims_ExactlyOneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _orders.ClaimAsync(NewOrder("ord-race"), default)));

        Assert.Equal(1, claims.Count(c => c.Claimed));
    }

    [Fact]
    public async Task Save_WithFills_RecordsThemOnceAndTerminalStaysInTheOpenIndexForTheReconciler()
    {
        var claim = await _orders.ClaimAsync(NewOrder(), default);
        var fill = new ExecutionFill("t/1", 97000m, 0.005m, 0.485m, "USDT", At) { TakerOrMaker = "taker" };
        var partial = await _orders.SaveAsync(claim.Stored, claim.Stored.Order with { State = OrderState.PartiallyFilled, Filled = 0.005m, Cost = 485m }, [fill], default);
        var second = new ExecutionFill("t/2", 97001m, 0.007345678m, 0.7m, "USDT", At.AddSeconds(1));
        await _orders.SaveAsync(partial, partial.Order with { State = OrderState.Filled, Filled = 0.012345678m }, [second], default);

        var stored = await _orders.GetAsync("binance", "ord-1", default);

        Assert.NotNull(stored);
        Assert.Equal(OrderState.Filled, stored.Order.State);
        Assert.Equal(["t/1", "t/2"], stored.Fills.Select(f => f.TradeId));
        Assert.Equal(fill, stored.Fills[0]);
        // Its fills may not have reached the ledger yet: only the reconciler, having checked, removes it.
        Assert.Contains(await _orders.ListOpenAsync(default), o => o.OrderId == "ord-1");
        await _orders.RemoveOpenAsync("binance", "ord-1", default);
        Assert.DoesNotContain(await _orders.ListOpenAsync(default), o => o.OrderId == "ord-1");
    }

    /// <summary>The venue's report of order <paramref name="id"/> fully filled by <paramref name="count"/> trades of 0.01 BTC each.</summary>
    private static Order FilledByManyTrades(string id, int count) =>
        new("x-" + id, "tb" + id, Symbol.Parse("BTC/USDT"), OrderType.Market, OrderSide.Buy, OrderStatus.Closed)
        {
            Amount = count * 0.01m,
            Trades = [.. Enumerable.Range(1, count).Select(i =>
                new Trade($"t{i:000}", "x-" + id, Symbol.Parse("BTC/USDT"), OrderSide.Buy, 97000m + i, 0.01m, At.AddMilliseconds(i)) { Fee = new Fee(0.001m, "USDT") })],
        };

    /// <summary>Folds the venue report into the stored order as the executor does, and saves the result.</summary>
    private static async Task<StoredOrder> RecordAsync(OrderStore orders, StoredOrder stored, Order report)
    {
        var update = ExecutionProgress.Apply(stored.Order, stored.TradeIds, report, At.AddMinutes(1));
        return await orders.SaveAsync(stored, update.Order, update.NewFills, default);
    }

    private static void AssertEachTradeOnce(StoredOrder stored, int count)
    {
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"t{i:000}"), stored.Fills.Select(f => f.TradeId).Order(StringComparer.Ordinal));
        Assert.Equal(count * 0.01m, stored.Order.Filled);
        Assert.Equal(stored.Fills.Sum(f => f.Cost), stored.Order.Cost);
        Assert.Equal(count * 0.001m, stored.Order.FeeCost);
        Assert.Equal(OrderState.Filled, stored.Order.State);
    }

    [Fact]
    public async Task Save_150FillsAndTheSecondTransactionFails_ReloadAndRetryRecordEachExecutionOnce()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var orders = new OrderStore(StoreFactory.Tables(azurite, prefix));
        var failing = new OrderStore(StoreFactory.Tables(azurite, prefix, new FailingBatches(failOn: 2)));
        var claim = await orders.ClaimAsync(NewOrder("ord-many") with { Amount = 1.5m }, default);
        var report = FilledByManyTrades("ord-many", 150);

        var failure = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => RecordAsync(failing, claim.Stored, report));
        var reloaded = await orders.GetAsync("binance", "ord-many", default);
        await RecordAsync(orders, reloaded!, report);
        var stored = await orders.GetAsync("binance", "ord-many", default);

        Assert.Equal(503, failure.Status);
        // What the first transaction committed is consistent: the order row counts exactly the executions stored with it.
        Assert.Equal(reloaded!.Fills.Sum(f => f.Amount), reloaded.Order.Filled);
        Assert.NotEqual(OrderState.Filled, reloaded.Order.State);
        AssertEachTradeOnce(stored!, 150);
        Assert.DoesNotContain(stored!.Fills, f => f.TradeId.StartsWith("cum-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_150FillsOverAStaleETag_WritesNothingAndTheRetryRecordsEachExecutionOnce()
    {
        var claim = await _orders.ClaimAsync(NewOrder("ord-race") with { Amount = 1.5m }, default);
        await _orders.SaveAsync(claim.Stored, claim.Stored.Order with { LastReconciledAt = At.AddSeconds(5) }, [], default);
        var report = FilledByManyTrades("ord-race", 150);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RecordAsync(_orders, claim.Stored, report));
        var reloaded = await _orders.GetAsync("binance", "ord-race", default);
        await RecordAsync(_orders, reloaded!, report);
        var stored = await _orders.GetAsync("binance", "ord-race", default);

        Assert.Empty(reloaded!.Fills);
        AssertEachTradeOnce(stored!, 150);
    }

    [Fact]
    public async Task Save_StaleETag_IsAConcurrencyConflict()
    {
        var claim = await _orders.ClaimAsync(NewOrder(), default);
        await _orders.SaveAsync(claim.Stored, claim.Stored.Order with { State = OrderState.Open }, [], default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _orders.SaveAsync(claim.Stored, claim.Stored.Order with { State = OrderState.Unknown }, [], default));
    }

    [Fact]
    public async Task Save_FillRecordedTwice_IsAConcurrencyConflictNotADuplicate()
    {
        var claim = await _orders.ClaimAsync(NewOrder(), default);
        var fill = new ExecutionFill("t1", 97000m, 0.005m, 0m, null, At);
        var saved = await _orders.SaveAsync(claim.Stored, claim.Stored.Order with { State = OrderState.PartiallyFilled }, [fill], default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _orders.SaveAsync(saved, saved.Order, [fill], default));
        Assert.Single((await _orders.GetAsync("binance", "ord-1", default))!.Fills);
    }

    [Fact]
    public async Task ListOpen_ContainsClaimedOrders()
    {
        await _orders.ClaimAsync(NewOrder("ord-a"), default);
        await _orders.ClaimAsync(NewOrder("ord-b"), default);

        var open = await _orders.ListOpenAsync(default);

        Assert.Equal(["ord-a", "ord-b"], open.Select(o => o.OrderId).Order());
        Assert.All(open, o => Assert.Equal(At, o.IndexedAt));
        Assert.Equal(2, (await _orders.ListAsync("binance", default)).Count);
    }
}

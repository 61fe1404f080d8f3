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

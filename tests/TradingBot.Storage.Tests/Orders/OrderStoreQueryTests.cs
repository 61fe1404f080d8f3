using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Storage.Orders;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Orders;

[Collection(AzuriteTests.Name)]
public sealed class OrderStoreQueryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly OrderStore _orders = new(StoreFactory.Tables(azurite));

    private async Task<StoredOrder> OrderAsync(string id, string venue, string symbol, OrderState state, int minute, params ExecutionFill[] fills)
    {
        var order = new TrackedOrder(id, "tb" + id, "sig", "corr", "s1", venue, "paper-" + venue, TradingMode.Paper, Symbol.Parse(symbol), OrderSide.Buy,
            OrderType.Market, 1m, 10m, At.AddMinutes(minute)) { UpdatedAt = At.AddMinutes(minute) };
        var claim = await _orders.ClaimAsync(order, default);
        return state == OrderState.Submitting ? claim.Stored : await _orders.SaveAsync(claim.Stored, order with { State = state, Filled = fills.Sum(f => f.Amount) }, fills, default);
    }

    [Fact]
    public async Task Query_FiltersByVenueStateSymbolAndCreationTime_AndSkipsFillRows()
    {
        await OrderAsync("o1", "binance", "BTC/USDT", OrderState.Filled, 0, new ExecutionFill("t1", 10m, 1m, 0.01m, "USDT", At));
        await OrderAsync("o2", "binance", "ETH/USDT", OrderState.Open, 5);
        await OrderAsync("o3", "coinbase", "BTC/USDT", OrderState.Canceled, 10);

        var all = await _orders.QueryAsync(new OrderFilter(), null, 100, default);
        var binance = await _orders.QueryAsync(new OrderFilter { Venue = "binance" }, null, 100, default);
        var active = await _orders.QueryAsync(new OrderFilter { States = [OrderState.Open, OrderState.Submitting] }, null, 100, default);
        var btcLater = await _orders.QueryAsync(new OrderFilter { Symbol = Symbol.Parse("BTC/USDT"), From = At.AddMinutes(1) }, null, 100, default);

        Assert.Equal(["o1", "o2", "o3"], all.Items.Select(o => o.OrderId));
        Assert.Equal(["o1", "o2"], binance.Items.Select(o => o.OrderId));
        Assert.Equal(["o2"], active.Items.Select(o => o.OrderId));
        Assert.Equal(["o3"], btcLater.Items.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Fills_CarryTheirOrderFactsAndFilterByAccountSymbolAndTime()
    {
        await OrderAsync("o1", "binance", "BTC/USDT", OrderState.Filled, 0, new ExecutionFill("t1", 10m, 0.4m, 0m, null, At), new ExecutionFill("t2", 11m, 0.6m, 0m, null, At.AddMinutes(1)));
        await OrderAsync("o2", "binance", "ETH/USDT", OrderState.Filled, 1, new ExecutionFill("t3", 5m, 1m, 0m, null, At.AddMinutes(2)));

        var page = await _orders.QueryFillsAsync(new FillFilter { Account = "paper-binance", Symbol = Symbol.Parse("BTC/USDT") }, null, 100, default);
        var later = await _orders.ListFillsAsync(new FillFilter { Venue = "binance", From = At.AddMinutes(1) }, default);

        Assert.Equal(["t1", "t2"], page.Items.Select(f => f.Fill.TradeId));
        Assert.All(page.Items, f => Assert.Equal(("o1", "paper-binance", OrderSide.Buy, "s1"), (f.OrderId, f.Account, f.Side, f.StrategyId)));
        Assert.Equal(["t2", "t3"], later.Select(f => f.Fill.TradeId));
    }
}

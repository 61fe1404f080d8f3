using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Storage.Paper;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Paper;

[Collection(AzuriteTests.Name)]
public sealed class TablePaperAccountStoreTests(AzuriteFixture azurite)
{
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private readonly TableClients _tables = StoreFactory.Tables(azurite);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));

    private PaperExchange Exchange() => new(new SimulatedMarket(7, _time), new TablePaperAccountStore(_tables, "paper-x"), new PaperOptions(), _time);

    [Fact]
    public async Task PaperVenue_OnTableStorage_SurvivesARestartAndNeverPlacesAClientOrderIdTwice()
    {
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "tb-1") { Amount = 0.01m };
        var order = await Exchange().CreateOrderAsync(request);

        var restarted = Exchange();
        var again = await restarted.CreateOrderAsync(request);
        var balance = await restarted.FetchBalanceAsync();
        var found = await restarted.FetchOrderByClientOrderIdAsync("tb-1");

        Assert.Equal(order.Id, again.Id);
        Assert.Equal(OrderStatus.Closed, found!.Status);
        Assert.Equal(order.Filled, found.Filled);
        Assert.Equal(order.Cost, found.Cost);
        Assert.Equal(0.01m, balance["BTC"].Total);
        Assert.Equal(10_000m - order.Cost!.Value - order.Fees.Sum(f => f.Cost), balance["USDT"].Total);
        Assert.Equal(order.Trades.Select(t => t.Id), (await restarted.FetchMyTradesAsync(BtcUsdt)).Select(t => t.Id));
    }

    [Fact]
    public async Task OpenOrders_OnlyTheRestingOnes_AmongManyClosed()
    {
        var exchange = Exchange();
        for (var i = 0; i < 5; i++)
        {
            await exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, $"tb-m{i}") { Amount = 0.001m });
        }

        var bid = (await exchange.FetchTickerAsync(BtcUsdt)).Bid!.Value;
        var resting = await exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "tb-rest")
        {
            Amount = 0.001m,
            Price = Math.Round(bid * 0.5m, 2),
        });

        var open = await new TablePaperAccountStore(_tables, "paper-x").GetOpenOrdersAsync(default);

        Assert.Equal(resting.Id, Assert.Single(open).Id);
    }

    [Fact]
    public async Task Commit_TwoInstancesFromTheSameVersion_TheSecondIsAConflict()
    {
        var a = new TablePaperAccountStore(_tables, "paper-y");
        var b = new TablePaperAccountStore(_tables, "paper-y");
        var balances = new Dictionary<string, CurrencyBalance> { ["USDT"] = new(100m, 0m) };
        await a.GetBalancesAsync(default);
        await b.GetBalancesAsync(default);

        await a.CommitAsync(balances, null, [], default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => b.CommitAsync(balances, null, [], default));

        await a.GetBalancesAsync(default);
        await b.GetBalancesAsync(default);
        await b.CommitAsync(new Dictionary<string, CurrencyBalance> { ["USDT"] = new(90m, 0m) }, null, [], default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => a.CommitAsync(balances, null, [], default));
        Assert.Equal(90m, (await a.GetBalancesAsync(default))!["USDT"].Free);
    }

    [Fact]
    public async Task Remembered_OwnOrdersSeenAtOnce_AnotherInstancesAfterTheLifetime()
    {
        var lifetime = TimeSpan.FromSeconds(2);
        var mine = new PaperExchange(new SimulatedMarket(7, _time), new TablePaperAccountStore(_tables, "paper-c", _time, lifetime), new PaperOptions(), _time);
        var other = new PaperExchange(new SimulatedMarket(7, _time), new TablePaperAccountStore(_tables, "paper-c"), new PaperOptions(), _time);
        var price = Math.Round((await mine.FetchTickerAsync(BtcUsdt)).Bid!.Value * 0.5m, 2);
        CreateOrderRequest Resting(string id) => new(BtcUsdt, OrderType.Limit, OrderSide.Buy, id) { Amount = 0.01m, Price = price };
        await mine.FetchBalanceAsync(); // reads (and so remembers) the account and its open orders
        var own = await mine.CreateOrderAsync(Resting("tb-own"));
        var theirs = await other.CreateOrderAsync(Resting("tb-theirs"));

        var openWithin = await mine.FetchOpenOrdersAsync();
        var usedWithin = (await mine.FetchBalanceAsync())["USDT"].Used;
        _time.Advance(lifetime + TimeSpan.FromMilliseconds(1));
        var openAfter = await mine.FetchOpenOrdersAsync();
        var usedAfter = (await mine.FetchBalanceAsync())["USDT"].Used;

        var reservation = own.Amount!.Value * price * (1m + new PaperOptions().MakerFee);
        Assert.Equal([own.Id], openWithin.Select(o => o.Id));
        Assert.Equal(reservation, usedWithin);
        Assert.Equal(new[] { own.Id, theirs.Id }.Order(StringComparer.Ordinal), openAfter.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2 * reservation, usedAfter);
    }

    [Fact]
    public async Task Remembered_BalancesAnotherInstanceChanged_CommitIsAConflictNotALostUpdate()
    {
        var a = new TablePaperAccountStore(_tables, "paper-d", _time, TimeSpan.FromMinutes(1));
        var b = new TablePaperAccountStore(_tables, "paper-d");
        await a.GetBalancesAsync(default);
        await a.CommitAsync(new Dictionary<string, CurrencyBalance> { ["USDT"] = new(100m, 0m) }, null, [], default);
        await b.GetBalancesAsync(default);
        await b.CommitAsync(new Dictionary<string, CurrencyBalance> { ["USDT"] = new(90m, 0m) }, null, [], default);

        var remembered = (await a.GetBalancesAsync(default))!["USDT"].Free;
        var commit = await Record.ExceptionAsync(() => a.CommitAsync(new Dictionary<string, CurrencyBalance> { ["USDT"] = new(80m, 0m) }, null, [], default));
        var afterConflict = (await a.GetBalancesAsync(default))!["USDT"].Free;

        Assert.Equal(100m, remembered);
        Assert.IsType<ConcurrencyConflictException>(commit);
        Assert.Equal(90m, afterConflict);
    }

    [Fact]
    public async Task NextOrderNumber_NeverRepeats()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new TablePaperAccountStore(_tables, "paper-z")).ToList();

        var numbers = await Task.WhenAll(stores.SelectMany(s => Enumerable.Range(0, 3).Select(_ => s.NextOrderNumberAsync(default))));

        Assert.Equal(12, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n > 0));
    }

    [Fact]
    public async Task NextOrderNumber_OneInstanceCountsOnAndARestartNeverGoesBack()
    {
        var store = new TablePaperAccountStore(_tables, "paper-y");
        var first = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            first.Add(await store.NextOrderNumberAsync(default)); // numbers come in reserved blocks: one table write per block
        }

        var restarted = await new TablePaperAccountStore(_tables, "paper-y").NextOrderNumberAsync(default);

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), first);
        Assert.True(restarted > first[^1], $"{restarted} after {first[^1]}");
    }
}

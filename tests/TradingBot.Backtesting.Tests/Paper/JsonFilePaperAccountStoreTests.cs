using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Paper;

public sealed class JsonFilePaperAccountStoreTests : IDisposable
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tradingbot-paper-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Reopened_AfterOrdersAndFills_SameBalancesOrdersAndTrades()
    {
        var time = new FakeTimeProvider(Origin.AddHours(2));
        var path = Path.Combine(_folder, "account.json");
        PaperExchange Open() => new(new SimulatedMarket(9, time, origin: Origin), new JsonFilePaperAccountStore(path), new PaperOptions(), time);
        var first = Open();
        var market = await first.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "f-1") { Amount = 0.01m });
        var resting = await first.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "f-2") { Amount = 0.01m, Price = 1000m });
        var balanceBefore = await first.FetchBalanceAsync();

        var second = Open();

        var reread = await second.FetchOrderByClientOrderIdAsync("f-1");
        Assert.NotNull(reread);
        Assert.Equal(Summary(market), Summary(reread));
        Assert.Equal(market.Trades, reread.Trades);
        Assert.Equal(Summary(resting), Summary(Assert.Single(await second.FetchOpenOrdersAsync())));
        Assert.Equal(balanceBefore.Currencies, (await second.FetchBalanceAsync()).Currencies);
        Assert.Single(await second.FetchMyTradesAsync());
        var next = await second.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "f-3") { Amount = 0.01m, Price = 1000m });
        Assert.Equal("paper-3", next.Id);
        Assert.Equal(resting.Id, (await second.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "f-2") { Amount = 5m, Price = 1m })).Id);
    }

    /// <summary>A file as the store wrote it with the reflection-based serializer (before Native AOT, issue 6).</summary>
    private const string OldFile = """
        {
          "balances": {
            "USDT": {
              "free": "9029.025",
              "used": "990"
            },
            "BTC": {
              "free": "0.01",
              "used": "0"
            }
          },
          "orders": [
            {
              "id": "paper-1",
              "clientOrderId": "tb-1",
              "symbol": "BTC/USDT",
              "type": "market",
              "side": "buy",
              "status": "closed",
              "timestamp": "2026-01-10T12:00:00+00:00",
              "lastTradeTimestamp": "2026-01-10T12:00:00+00:00",
              "lastUpdateTimestamp": null,
              "price": "97000.5",
              "amount": "0.01",
              "filled": "0.01",
              "remaining": "0",
              "cost": "970.005",
              "average": "97000.5",
              "timeInForce": "IOC",
              "postOnly": false,
              "triggerPrice": null,
              "fees": [
                {
                  "cost": "0.97",
                  "currency": "USDT",
                  "rate": null
                }
              ],
              "trades": [
                {
                  "id": "t-1",
                  "orderId": "paper-1",
                  "symbol": "BTC/USDT",
                  "side": "buy",
                  "price": "97000.5",
                  "amount": "0.01",
                  "timestamp": "2026-01-10T12:00:00+00:00",
                  "cost": "970.005",
                  "fee": {
                    "cost": "0.97",
                    "currency": "USDT",
                    "rate": "0.001"
                  },
                  "takerOrMaker": "taker",
                  "clientOrderId": "tb-1"
                }
              ],
              "isTerminal": true,
              "fee": {
                "cost": "0.97",
                "currency": "USDT",
                "rate": null
              }
            },
            {
              "id": "paper-2",
              "clientOrderId": "tb-2",
              "symbol": "BTC/USDT",
              "type": "limit",
              "side": "sell",
              "status": "open",
              "timestamp": "2026-01-10T12:00:00+00:00",
              "lastTradeTimestamp": null,
              "lastUpdateTimestamp": null,
              "price": "99000",
              "amount": "0.01",
              "filled": "0",
              "remaining": "0.01",
              "cost": null,
              "average": null,
              "timeInForce": null,
              "postOnly": true,
              "triggerPrice": "98000",
              "fees": [],
              "trades": [],
              "isTerminal": false,
              "fee": null
            }
          ],
          "trades": [
            {
              "id": "t-1",
              "orderId": "paper-1",
              "symbol": "BTC/USDT",
              "side": "buy",
              "price": "97000.5",
              "amount": "0.01",
              "timestamp": "2026-01-10T12:00:00+00:00",
              "cost": "970.005",
              "fee": {
                "cost": "0.97",
                "currency": "USDT",
                "rate": "0.001"
              },
              "takerOrMaker": "taker",
              "clientOrderId": "tb-1"
            }
          ],
          "orderNumber": "1"
        }
        """;

    [Fact]
    public async Task OldFile_ReadsAndIsWrittenBackUnchanged()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "old.json");
        await File.WriteAllTextAsync(path, OldFile);
        var store = new JsonFilePaperAccountStore(path);

        var balances = (await store.GetBalancesAsync(CancellationToken.None))!;
        var closed = (await store.GetOrderAsync("paper-1", CancellationToken.None))!;
        var open = Assert.Single(await store.GetOpenOrdersAsync(CancellationToken.None));
        var trade = Assert.Single(await store.GetTradesAsync(CancellationToken.None));
        await store.CommitAsync(balances, null, [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, CurrencyBalance> { ["USDT"] = new(9_029.025m, 990m), ["BTC"] = new(0.01m, 0m) }, balances);
        Assert.Equal(("tb-1", OrderType.Market, OrderSide.Buy, OrderStatus.Closed, Origin.AddDays(9).AddHours(12)), (closed.ClientOrderId, closed.Type, closed.Side, closed.Status, closed.Timestamp));
        Assert.Equal((0.01m, 0m, 970.005m, 97_000.5m, "IOC"), (closed.Filled, closed.Remaining, closed.Cost, closed.Average, closed.TimeInForce));
        Assert.Equal([new Fee(0.97m, "USDT")], closed.Fees);
        Assert.Equal(trade, Assert.Single(closed.Trades));
        Assert.Equal(("paper-2", OrderType.Limit, OrderSide.Sell, true, 98_000m, (decimal?)null), (open.Id, open.Type, open.Side, open.PostOnly, open.TriggerPrice, open.Cost));
        Assert.Equal(new Trade("t-1", "paper-1", BtcUsdt, OrderSide.Buy, 97_000.5m, 0.01m, Origin.AddDays(9).AddHours(12))
        {
            Fee = new Fee(0.97m, "USDT") { Rate = 0.001m },
            TakerOrMaker = "taker",
            ClientOrderId = "tb-1",
        }, trade);
        Assert.Equal(OldFile, await File.ReadAllTextAsync(path));
        Assert.Equal(2, await store.NextOrderNumberAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OldFile_EnumsAsNumbersAndNamesInAnyCase_AreRead()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "numbers.json");
        await File.WriteAllTextAsync(path, """
            { "Balances": null, "ORDERS": [ { "id": "paper-9", "clientOrderId": "tb-9", "symbol": "BTC/USDT", "type": 1, "side": "Sell", "status": "OPEN", "amount": 0.5 } ],
              "trades": [], "orderNumber": 9 }
            """);

        var store = new JsonFilePaperAccountStore(path);
        var order = Assert.Single(await store.GetOpenOrdersAsync(CancellationToken.None));

        Assert.Equal((OrderType.Limit, OrderSide.Sell, OrderStatus.Open, 0.5m), (order.Type, order.Side, order.Status, order.Amount));
        Assert.Equal((0, 0), (order.Fees.Count, order.Trades.Count)); // absent lists read as empty, never null
        Assert.Equal(10, await store.NextOrderNumberAsync(CancellationToken.None)); // and the account stays writable
    }

    private static object Summary(Order o) =>
        (o.Id, o.ClientOrderId, o.Symbol, o.Type, o.Side, o.Status, o.Timestamp, o.Price, o.Amount, o.Filled, o.Remaining, o.Cost, o.Average, o.Fee, o.TimeInForce);

    [Fact]
    public async Task CorruptFile_InvalidDataExceptionNamingTheFile()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(path, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new JsonFilePaperAccountStore(path).GetBalancesAsync(CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}

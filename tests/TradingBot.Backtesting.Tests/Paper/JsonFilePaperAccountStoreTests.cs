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

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Coinbase;

public sealed class CoinbaseSecretScanTests
{
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Theory]
    [InlineData(CoinbaseKeyKind.EcPem)]
    [InlineData(CoinbaseKeyKind.Ed25519Base64)]
    public async Task EveryOutcome_NeverWritesThePrivateKeyOrAJwtToLogsOrExceptions(CoinbaseKeyKind kind)
    {
        await using var fake = await CoinbaseFake.StartAsync(kind);
        var errors = new List<Exception>();
        var exchange = fake.Exchange;
        await exchange.LoadMarketsAsync();
        await exchange.FetchTickerAsync(BtcUsd);
        await exchange.FetchBalanceAsync();
        await exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "scan-1") { Amount = 0.001m, Price = 90000m });
        await exchange.FetchMyTradesAsync();
        await Capture(errors, () => exchange.FetchOrderAsync("99999999-0000-4000-8000-000000000000"));
        fake.On("POST", "/orders", FakeResponse.File("coinbase", "create_order_failure"));
        await Capture(errors, () => exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "scan-2") { Amount = 10m, Price = 90000m }));
        fake.On("POST", "/orders", FakeResponse.Text(503, "Service Unavailable"));
        await Capture(errors, () => exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "scan-3") { Amount = 0.001m, Price = 90000m }));
        fake.On("GET", "/accounts", FakeResponse.Text(401, "Unauthorized"));
        await Capture(errors, () => exchange.FetchBalanceAsync());
        fake.On("GET", "/accounts", FakeResponse.File("coinbase", "error_rate_limit", 429));
        await Capture(errors, () => exchange.FetchBalanceAsync());

        var written = string.Join("\n", fake.Logs.Lines.Concat(errors.Select(e => e.ToString())));
        Assert.Equal(5, errors.Count);
        Assert.NotEmpty(fake.Logs.Lines);
        Assert.NotEmpty(fake.Jwts);
        foreach (var secret in Secrets(fake))
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Secrets(CoinbaseFake fake)
    {
        foreach (var line in fake.PrivateKey.Split('\n').Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            yield return line;
        }

        foreach (var jwt in fake.Jwts)
        {
            yield return jwt;
            yield return jwt[(jwt.LastIndexOf('.') + 1)..];
        }
    }

    private static async Task Capture(List<Exception> errors, Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        Assert.IsAssignableFrom<BaseError>(error);
        errors.Add(error);
    }
}

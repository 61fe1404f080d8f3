using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Robinhood;

public sealed class RobinhoodSecretScanTests
{
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Fact]
    public async Task EveryOutcome_NeverWritesThePrivateKeyOrASignatureToLogsOrExceptions()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        var exchange = fake.Exchange;
        var errors = new List<Exception>();
        await exchange.FetchTickerAsync(BtcUsd);
        await exchange.FetchBalanceAsync();
        await exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "scan-1") { Amount = 0.001m });
        await exchange.FetchMyTradesAsync();
        await Capture(errors, () => exchange.FetchOrderAsync("00000000-0000-4000-8000-000000000000"));
        fake.On("POST", $"{RobinhoodFake.Trading}/orders/", FakeResponse.File("robinhood", "error_insufficient", 400));
        await Capture(errors, () => exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "scan-2") { Amount = 1m }));
        fake.On("POST", $"{RobinhoodFake.Trading}/orders/", FakeResponse.File("robinhood", "error_server", 503));
        await Capture(errors, () => exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "scan-3") { Amount = 0.001m }));
        fake.On("GET", $"{RobinhoodFake.Trading}/accounts/", FakeResponse.File("robinhood", "error_unauthorized", 401));
        await Capture(errors, () => exchange.FetchBalanceAsync());

        var written = string.Join("\n", fake.Logs.Lines.Concat(errors.Select(e => e.ToString())));
        Assert.Equal(4, errors.Count);
        Assert.NotEmpty(fake.Logs.Lines);
        Assert.NotEmpty(fake.Signatures);
        Assert.DoesNotContain(fake.PrivateKey, written, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.PrivateKey.TrimEnd('='), written, StringComparison.Ordinal);
        foreach (var signature in fake.Signatures)
        {
            Assert.DoesNotContain(signature, written, StringComparison.Ordinal);
        }
    }

    private static async Task Capture(List<Exception> errors, Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        Assert.IsAssignableFrom<BaseError>(error);
        errors.Add(error);
    }
}

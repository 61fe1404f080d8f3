using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Exchanges.Tests.Binance;

/// <summary>No key, secret, signature or signed query string may appear in a log line or an exception.</summary>
public sealed class BinanceSecretTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");

    [Fact]
    public async Task LogsAndErrors_AfterSuccessesAndEveryKindOfFailure_ContainNoSecret()
    {
        await using var h = await BinanceHarness.StartAsync(arrange: f => f.ServerOffset = TimeSpan.FromSeconds(20));
        var failures = new List<Exception>();
        async Task Capture(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (BaseError ex)
            {
                failures.Add(ex);
            }
        }

        await h.Exchange.FetchBalanceAsync();
        await h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "s-1") { Amount = 0.001m, Price = 90000m });
        h.Fake.Script("POST", "/api/v3/order", 400, FakeBinance.Data("error-insufficient-balance.json"));
        await Capture(() => h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "s-2") { Amount = 0.001m, Price = 90000m }));
        h.Fake.Script("POST", "/api/v3/order", 503, "{\"code\":-1001,\"msg\":\"Internal error\"}");
        await Capture(() => h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "s-3") { Amount = 0.001m, Price = 90000m }));
        h.Fake.Script("GET", "/api/v3/account", 401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
        await Capture(() => h.Exchange.FetchBalanceAsync());
        h.Fake.Script("GET", "/api/v3/openOrders", 418, "{\"code\":-1003,\"msg\":\"IP banned until 1767225720000.\"}", ("Retry-After", "60"));
        await Capture(() => h.Exchange.FetchOpenOrdersAsync(BtcUsdt));
        await Capture(() => h.Exchange.FetchMyTradesAsync(BtcUsdt));
        h.Time.Advance(TimeSpan.FromSeconds(61));
        h.Fake.Script("GET", "/api/v3/account", 502, "<html>Bad Gateway</html>");
        await h.AdvanceUntilDoneAsync(h.Exchange.FetchBalanceAsync());

        var secrets = new[] { FakeBinance.ApiKey, FakeBinance.Secret }.Concat(h.Fake.Signatures).Where(s => s.Length >= 8).Distinct().ToList();
        var texts = h.Logs.Lines.Concat(failures.Select(f => f.ToString())).ToList();
        Assert.True(failures.Count >= 4, $"only {failures.Count} failures captured");
        Assert.True(h.Fake.Signatures.Count >= 6);
        Assert.Contains(h.Logs.Lines, l => l.Contains("/api/v3/account", StringComparison.Ordinal));
        Assert.Contains(h.Logs.Lines, l => l.Contains("HTTP 502", StringComparison.Ordinal));
        foreach (var text in texts)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("signature=", text, StringComparison.Ordinal);
            Assert.DoesNotContain("timestamp=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_ToString_ShowsPresenceNotValues()
    {
        var options = new TradingBot.Exchanges.Binance.BinanceOptions { ApiKey = FakeBinance.ApiKey, ApiSecret = FakeBinance.Secret };

        var text = options.ToString();

        Assert.Contains("ApiKey = (set)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBinance.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBinance.Secret, text, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Binance;

namespace TradingBot.Exchanges.Tests.Http;

public sealed class VenueRegistryTests
{
    [Fact]
    public void AddExchanges_Binance_ResolvedByVenueIdCaseInsensitively()
    {
        using var services = new ServiceCollection().AddLogging().AddExchanges(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var registry = services.GetRequiredService<VenueRegistry>();

        var exchange = registry.Get("Binance");

        Assert.IsType<BinanceExchange>(exchange);
        Assert.Same(exchange, registry.Get("binance"));
        Assert.Contains("binance", registry.Venues);
    }

    [Fact]
    public void Get_UnregisteredVenue_NotSupportedNamingWhatIsAvailable()
    {
        using var services = new ServiceCollection().AddLogging().AddExchanges(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var error = Assert.Throws<NotSupported>(() => services.GetRequiredService<VenueRegistry>().Get("kraken"));

        Assert.Contains("not available in this build", error.Message, StringComparison.Ordinal);
        Assert.Contains("binance", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("testnet", "https://testnet.binance.vision/")]
    [InlineData("demo", "https://demo-api.binance.com/")]
    [InlineData("", "https://api.binance.com/")]
    public void AddExchanges_EnvironmentSetting_PicksTheBaseUrl(string environment, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (environment == "testnet")
        {
            settings["Venues:Binance:Testnet"] = "true";
        }
        else if (environment == "demo")
        {
            settings["Venues:Binance:Demo"] = "true";
        }

        using var services = new ServiceCollection().AddLogging()
            .AddExchanges(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        Assert.Equal(expected, ((BinanceExchange)services.GetRequiredService<VenueRegistry>().Get("binance")).BaseUrl.ToString());
    }

    [Theory]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 408, true)]
    [InlineData("GET", 429, false)]
    [InlineData("GET", 400, false)]
    [InlineData("POST", 503, false)]
    [InlineData("DELETE", 503, false)]
    public void IsRetryable_OnlyIdempotentRequestsOnTransientStatuses(string method, int status, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1/x");
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { RequestMessage = request };
        var context = ResilienceContextPool.Shared.Get();
        context.SetRequestMessage(request);

        var retry = ExchangeServiceCollectionExtensions.IsRetryable(Outcome.FromResult(response), context);

        Assert.Equal(expected, retry);
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public void IsRetryable_GetMarkedNoRetry_NotRetried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");
        request.Options.Set(TradingBot.Exchanges.Http.VenueRequestOptions.NoRetry, true);
        var context = ResilienceContextPool.Shared.Get();
        context.SetRequestMessage(request);

        Assert.False(ExchangeServiceCollectionExtensions.IsRetryable(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("x")), context));
        ResilienceContextPool.Shared.Return(context);
    }
}

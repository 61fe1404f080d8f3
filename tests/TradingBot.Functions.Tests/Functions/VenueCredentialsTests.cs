using Microsoft.Extensions.Options;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Robinhood;
using TradingBot.Functions.Functions;
using TradingBot.Functions.Venues;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class VenueCredentialsTests(AzuriteFixture azurite)
{
    private const string Secret = "very-secret-hmac-value-9f2c";

    [Fact]
    public async Task Adapter_GetsItsKeysFromTheSecretStoreUnderTheDocumentedNames_AndNoLogShowsThem()
    {
        using var host = PipelineHost.Create(azurite, ("Secrets:binance-api-key", "key-abc-123"), ("Secrets:binance-api-secret", Secret));
        await Scenario.ConfigureAsync(host);
        host.Venue.SetCandles(Scenario.BtcUsdt, Core.Market.Timeframe.OneMinute, Scenario.CrossUp());

        var options = host.Service<IOptions<BinanceOptions>>().Value;
        await host.TickAsync(nameof(IngestMarketData));

        Assert.Equal("key-abc-123", options.ApiKey);
        Assert.Equal(Secret, options.ApiSecret);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal) || l.Message.Contains("key-abc-123", StringComparison.Ordinal));
    }

    [Fact]
    public void CoinbaseAndRobinhood_GetTheirKeysFromTheSecretStoreToo()
    {
        using var host = PipelineHost.Create(azurite,
            ("Secrets:coinbase-api-key", "organizations/o/apiKeys/k"), ("Secrets:coinbase-api-secret", "coinbase-pem"),
            ("Secrets:robinhood-api-key", "rh-key"), ("Secrets:robinhood-api-secret", "rh-base64"));

        var coinbase = host.Service<IOptions<CoinbaseOptions>>().Value;
        var robinhood = host.Service<IOptions<RobinhoodOptions>>().Value;

        Assert.Equal(("organizations/o/apiKeys/k", "coinbase-pem"), (coinbase.ApiKey, coinbase.ApiSecret));
        Assert.Equal(("rh-key", "rh-base64"), (robinhood.ApiKey, robinhood.ApiSecret));
    }

    [Fact]
    public void Trading_IsPaperUnlessLiveIsExplicit()
    {
        using var host = PipelineHost.Create(azurite, ("Trading:Venues:binance:Mode", "Live"));
        var venues = host.Service<IVenues>();

        Assert.Equal(Core.Execution.TradingMode.Live, venues.ModeOf("binance"));
        Assert.Equal(Core.Execution.TradingMode.Paper, venues.ModeOf(PipelineHost.VenueId));
        Assert.Equal(Core.Execution.TradingMode.Paper, venues.ModeOf("coinbase"));
    }
}

using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using TradingBot.Cli.Commands;
using TradingBot.Exchanges.Tests.Coinbase;
using TradingBot.Exchanges.Tests.Robinhood;

namespace TradingBot.Cli.Tests.Commands;

/// <summary><c>tradingbot venue … --venue coinbase|robinhood --base-url</c> against the local fakes that verify every JWT and signature.</summary>
public sealed class VenueCommandCoinbaseRobinhoodTests
{
    [Fact]
    public async Task Coinbase_EveryReadCommand_SucceedsWithVerifiedJwtsAndNoSecretInTheOutput()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        string[][] commands =
        [
            ["markets"],
            ["ticker", "--symbol", "BTC/USD"],
            ["book", "--symbol", "BTC/USD", "--limit", "2"],
            ["candles", "--symbol", "BTC/USD", "--timeframe", "1h", "--limit", "3"],
            ["balance"],
            ["orders"],
            ["trades"],
            ["get-order", "--id", CoinbaseFake.OpenOrderId],
            ["get-order", "--client-order-id", "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90"],
            ["cancel", "--id", CoinbaseFake.OpenOrderId],
        ];

        foreach (var command in commands)
        {
            var (code, output) = await Run(fake.Time, Coinbase(fake), [.. command, "--venue", "coinbase", "--base-url", fake.Server.BaseUrl.ToString()]);

            Assert.True(code == ExitCodes.Success, $"{string.Join(' ', command)} → {code}: {output}");
            AssertNoSecret(output, fake.PrivateKey, fake.Jwts);
        }

        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task Coinbase_LimitOrder_AppliesPrecisionAndSendsTheClientOrderId()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var (code, output) = await Run(fake.Time, Coinbase(fake), "order", "--venue", "coinbase", "--base-url", fake.Server.BaseUrl.ToString(),
            "--symbol", "BTC/USD", "--side", "buy", "--type", "limit", "--amount", "0.001000009", "--price", "90000.559",
            "--client-order-id", "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90", "--json");

        Assert.Equal(ExitCodes.Success, code);
        var body = JsonDocument.Parse(fake.Server.RequestsTo("POST", $"{CoinbaseFake.Prefix}/orders")[0].Body).RootElement;
        Assert.Equal("0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90", body.GetProperty("client_order_id").GetString());
        var terms = body.GetProperty("order_configuration").GetProperty("limit_limit_gtc");
        Assert.Equal(("0.001", "90000.55"), (terms.GetProperty("base_size").GetString(), terms.GetProperty("limit_price").GetString()));
        Assert.Equal(CoinbaseFake.OpenOrderId, JsonDocument.Parse(output).RootElement.GetProperty("id").GetString());
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task Coinbase_NoKeys_MarketDataWorksButBalanceNamesTheSettings()
    {
        await using var fake = await CoinbaseFake.StartAsync(credentials: false);
        var url = fake.Server.BaseUrl.ToString();

        var ticker = await Run(fake.Time, [], "ticker", "--venue", "coinbase", "--base-url", url, "--symbol", "BTC/USD");
        var balance = await Run(fake.Time, [], "balance", "--venue", "coinbase", "--base-url", url);

        Assert.Equal(ExitCodes.Success, ticker.Code);
        Assert.Equal(ExitCodes.InternalError, balance.Code);
        Assert.Contains("AuthenticationError", balance.Output, StringComparison.Ordinal);
        Assert.Contains("Venues__Coinbase__ApiKey", balance.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robinhood_EverySupportedCommand_SucceedsWithVerifiedSignaturesAndNoSecretInTheOutput()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        string[][] commands =
        [
            ["markets"],
            ["ticker", "--symbol", "BTC/USD"],
            ["balance"],
            ["order", "--symbol", "BTC/USD", "--side", "buy", "--type", "market", "--amount", "0.001", "--client-order-id", "cli-rh-1"],
            ["orders"],
            ["trades"],
            ["get-order", "--id", RobinhoodFake.FilledOrderId],
            ["get-order", "--client-order-id", "11299b2b-61e3-43e7-b9f7-dee77210bb29"],
            ["cancel", "--id", RobinhoodFake.OpenOrderId],
        ];

        foreach (var command in commands)
        {
            var (code, output) = await Run(fake.Time, Robinhood(fake), [.. command, "--venue", "robinhood", "--base-url", fake.Server.BaseUrl.ToString()]);

            Assert.True(code == ExitCodes.Success, $"{string.Join(' ', command)} → {code}: {output}");
            AssertNoSecret(output, fake.PrivateKey, fake.Signatures);
        }

        Assert.Empty(fake.AuthFailures);
    }

    [Theory]
    [InlineData("candles", "no candle (OHLCV) endpoint")]
    [InlineData("book", "publishes no order book")]
    public async Task Robinhood_CandlesOrBook_Exit1NotSupportedWithoutARequest(string command, string reason)
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var (code, output) = await Run(fake.Time, Robinhood(fake), command, "--venue", "robinhood", "--base-url", fake.Server.BaseUrl.ToString(),
            "--symbol", "BTC/USD");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("NotSupported", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task Robinhood_Testnet_Exit1BecauseThereIsNone()
    {
        var time = new FakeTimeProvider();

        var (code, output) = await Run(time, [], "ticker", "--venue", "robinhood", "--testnet", "--symbol", "BTC/USD");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("no test environment", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Coinbase(CoinbaseFake fake) => new()
    {
        ["Venues:Coinbase:ApiKey"] = CoinbaseFake.KeyName,
        ["Venues:Coinbase:ApiSecret"] = fake.PrivateKey,
    };

    private static Dictionary<string, string?> Robinhood(RobinhoodFake fake) => new()
    {
        ["Venues:Robinhood:ApiKey"] = RobinhoodFake.ApiKey,
        ["Venues:Robinhood:ApiSecret"] = fake.PrivateKey,
    };

    private static async Task<(int Code, string Output)> Run(TimeProvider time, Dictionary<string, string?> settings, params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var environment = new VenueEnvironment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), time);
        var parse = new RootCommand { VenueCommand.Create(console, environment) }.Parse(["venue", .. args]);
        Assert.Empty(parse.Errors);
        var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return (code, writer.ToString());
    }

    private static void AssertNoSecret(string output, string privateKey, IEnumerable<string> signatures)
    {
        foreach (var line in privateKey.Split('\n').Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, output, StringComparison.Ordinal);
        }

        foreach (var signature in signatures)
        {
            Assert.DoesNotContain(signature[(signature.LastIndexOf('.') + 1)..], output, StringComparison.Ordinal);
        }
    }
}

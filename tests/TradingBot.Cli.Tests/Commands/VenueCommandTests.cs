using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using TradingBot.Cli.Commands;
using TradingBot.Exchanges.Tests.Binance;

namespace TradingBot.Cli.Tests.Commands;

public sealed class VenueCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeBinance _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBinance.StartAsync(() => _time.GetUtcNow());

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Order_BelowTheMinimumNotional_Exit2AndNothingSent()
    {
        var (code, output) = await Binance("order", "--symbol", "BTC/USDT", "--side", "sell", "--type", "market", "--amount", "0.00001");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("InvalidOrder", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", output, StringComparison.Ordinal);
        Assert.Equal(0, _fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task Order_Limit_SendsTheMarketsPrecisionAndPrintsTheOrder()
    {
        var (code, output) = await Binance("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--amount", "0.0012345",
            "--price", "90000.559", "--client-order-id", "cli-1");

        Assert.Equal(ExitCodes.Success, code);
        var sent = _fake.Requests.Single(r => r.Method == "POST").Parameters;
        Assert.Equal(("0.00123", "90000.55", "cli-1"), (sent["quantity"], sent["price"], sent["newClientOrderId"]));
        Assert.Contains("Sending buy limit 0.00123 BTC/USDT @ 90000.55", output, StringComparison.Ordinal);
        Assert.Contains("cli-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_WithoutClientOrderId_SendsAFreshUuid()
    {
        var (code, _) = await Binance("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--amount", "0.001", "--price", "90000");

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(Guid.TryParse(_fake.Requests.Single(r => r.Method == "POST").Parameters["newClientOrderId"], out _));
    }

    [Fact]
    public async Task Order_VenueRejects_Exit1WithTheCcxtClassAndNoSecret()
    {
        _fake.Script("POST", "/api/v3/order", 400, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");

        var (code, output) = await Binance("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--amount", "0.001", "--price", "90000");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("InsufficientFunds: binance POST /api/v3/order: Account has insufficient balance", output, StringComparison.Ordinal);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task Order_KeyThatCanWithdraw_Exit1PermissionDeniedAndNoOrder()
    {
        _fake.RestrictionsFile = "apiRestrictions-withdraw.json";

        var (code, output) = await Binance("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--amount", "0.001", "--price", "90000");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("PermissionDenied", output, StringComparison.Ordinal);
        Assert.Equal(0, _fake.Count("POST", "/api/v3/order"));
        AssertNoSecret(output);
    }

    [Fact]
    public async Task Balance_KeysFromConfiguration_PrintsNonZeroBalances()
    {
        var (code, output) = await Binance("balance");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("USDT", output, StringComparison.Ordinal);
        Assert.Contains("1250", output, StringComparison.Ordinal);
        Assert.Equal(FakeBinance.ApiKey, _fake.Requests.Single(r => r.Path == "/api/v3/account").ApiKey);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task Balance_NoKeys_Exit1AuthenticationErrorNamingTheSettings()
    {
        var (code, output) = await Run(new Dictionary<string, string?>(), "balance", "--venue", "binance", "--base-url", _fake.Url.ToString());

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("AuthenticationError", output, StringComparison.Ordinal);
        Assert.Contains("Venues__Binance__ApiKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markets_Json_ParsesAsUnifiedMarketsWithDecimalStrings()
    {
        var (code, output) = await Binance("markets", "--json");

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(output);
        var btc = json.RootElement.EnumerateArray().Single(m => m.GetProperty("symbol").GetString() == "BTC/USDT");
        Assert.Equal("0.00001", btc.GetProperty("precision").GetProperty("amountStep").GetString());
        Assert.Equal("5", btc.GetProperty("limits").GetProperty("cost").GetProperty("min").GetString());
    }

    [Fact]
    public async Task TickerBookCandlesOrdersTradesGetOrderCancel_AgainstFakeBinance_AllSucceed()
    {
        string[][] commands =
        [
            ["ticker", "--symbol", "BTC/USDT"],
            ["book", "--symbol", "BTC/USDT", "--limit", "5"],
            ["candles", "--symbol", "BTC/USDT", "--timeframe", "1h", "--limit", "2"],
            ["orders"],
            ["trades", "--symbol", "BTC/USDT"],
            ["get-order", "--symbol", "BTC/USDT", "--id", "48210019001"],
            ["cancel", "--symbol", "BTC/USDT", "--id", "48210019001"],
        ];

        foreach (var command in commands)
        {
            var (code, output) = await Binance(command);

            Assert.True(code == ExitCodes.Success, $"{string.Join(' ', command)} → {code}: {output}");
            AssertNoSecret(output);
        }

        Assert.Contains(_fake.Requests, r => r.Method == "DELETE" && r.Path == "/api/v3/order");
    }

    [Fact]
    public async Task GetOrder_UnknownClientOrderId_Exit1OrderNotFound()
    {
        var (code, output) = await Binance("get-order", "--symbol", "BTC/USDT", "--client-order-id", "nope");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("OrderNotFound", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ticker", "--symbol", "BTCUSDT")]
    [InlineData("ticker")]
    [InlineData("ticker", "--symbol", "BTC/USDT", "--base-url", "ftp://x")]
    [InlineData("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit", "--amount", "1")]
    [InlineData("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--amount", "1", "--price", "5")]
    [InlineData("order", "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--amount", "lots")]
    [InlineData("get-order", "--symbol", "BTC/USDT")]
    [InlineData("book", "--symbol", "BTC/USDT", "--limit", "0")]
    public async Task BadInput_Exit2WithoutTradingRequests(params string[] args)
    {
        var (code, _) = await Run(Keys(), [.. args, "--venue", "paper"]);

        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Theory]
    [InlineData("venue", "ticker", "--venue", "kraken", "--symbol", "BTC/USDT")]
    [InlineData("venue", "order", "--venue", "paper", "--symbol", "BTC/USDT", "--side", "hold", "--type", "market", "--amount", "1")]
    [InlineData("venue", "order", "--venue", "paper", "--symbol", "BTC/USDT", "--type", "market", "--amount", "1")]
    public async Task ParseErrors_ThroughTheApp_Exit2(params string[] args)
    {
        using var writer = new StringWriter();

        var code = await CliApp.RunAsync(args, Console(writer));

        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Fact]
    public async Task Paper_LimitOrderJson_FilledOrRestingWithPreparedValues()
    {
        var (code, output) = await Run(Keys(), "order", "--venue", "paper", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit",
            "--amount", "0.0123456", "--price", "1000.129", "--json", "--client-order-id", "paper-cli-1");

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("0.01234", json.RootElement.GetProperty("amount").GetString());
        Assert.Equal("1000.12", json.RootElement.GetProperty("price").GetString());
        Assert.Equal("paper-cli-1", json.RootElement.GetProperty("clientOrderId").GetString());
        Assert.Equal("open", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Paper_MarketOrderBelowMinimum_Exit2()
    {
        var (code, output) = await Run(Keys(), "order", "--venue", "paper", "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--amount", "0.00001");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("below the minimum 5", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_CandlesAndBalance_FromTheSeededSimulatedMarket()
    {
        var first = await Run(Keys(), "candles", "--venue", "paper", "--symbol", "ETH/USDT", "--timeframe", "1h", "--limit", "3", "--json");
        var second = await Run(Keys(), "candles", "--venue", "paper", "--symbol", "ETH/USDT", "--timeframe", "1h", "--limit", "3", "--json");
        var balance = await Run(Keys(), "balance", "--venue", "paper");

        Assert.Equal((0, 0, 0), (first.Code, second.Code, balance.Code));
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(3, JsonDocument.Parse(first.Output).RootElement.GetArrayLength());
        Assert.Contains("10000", balance.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_WithStateFile_OrderSurvivesIntoTheNextCommands()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tradingbot-cli-paper-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Venues:Paper:StateFile"] = Path.Combine(folder, "paper.json") };
        try
        {
            var placed = await Run(settings, "order", "--venue", "paper", "--symbol", "BTC/USDT", "--side", "buy", "--type", "limit",
                "--amount", "0.01", "--price", "1000", "--client-order-id", "keep-1");
            var open = await Run(settings, "orders", "--venue", "paper", "--json");
            var found = await Run(settings, "get-order", "--venue", "paper", "--client-order-id", "keep-1", "--json");
            var canceled = await Run(settings, "cancel", "--venue", "paper", "--id", "paper-1", "--json");

            Assert.Equal((0, 0, 0, 0), (placed.Code, open.Code, found.Code, canceled.Code));
            Assert.Equal("keep-1", JsonDocument.Parse(open.Output).RootElement[0].GetProperty("clientOrderId").GetString());
            Assert.Equal("paper-1", JsonDocument.Parse(found.Output).RootElement.GetProperty("id").GetString());
            Assert.Equal("canceled", JsonDocument.Parse(canceled.Output).RootElement.GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Venues:Binance:ApiKey"] = FakeBinance.ApiKey,
        ["Venues:Binance:ApiSecret"] = FakeBinance.Secret,
    };

    private Task<(int Code, string Output)> Binance(params string[] args) => Run(Keys(), [.. args, "--venue", "binance", "--base-url", _fake.Url.ToString()]);

    private async Task<(int Code, string Output)> Run(Dictionary<string, string?> settings, params string[] args)
    {
        using var writer = new StringWriter();
        var console = Console(writer);
        var environment = new VenueEnvironment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _time);
        var root = new RootCommand { VenueCommand.Create(console, environment) };
        var parse = root.Parse(["venue", .. args]);
        if (parse.Errors.Count > 0)
        {
            return (ExitCodes.BadInput, string.Join("\n", parse.Errors.Select(e => e.Message)));
        }

        var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return (code, writer.ToString());
    }

    private static IAnsiConsole Console(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }

    private void AssertNoSecret(string output)
    {
        Assert.DoesNotContain(FakeBinance.ApiKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBinance.Secret, output, StringComparison.Ordinal);
        foreach (var signature in _fake.Signatures.Where(s => s.Length > 8))
        {
            Assert.DoesNotContain(signature, output, StringComparison.Ordinal);
        }
    }
}

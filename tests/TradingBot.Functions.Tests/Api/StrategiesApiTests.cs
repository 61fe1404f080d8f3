using System.Net;
using System.Net.Http.Json;
using System.Text;
using TradingBot.Storage.Config;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

[Collection(AzuriteTests.Name)]
public sealed class StrategiesApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    private static object NewStrategy(string id = "btc-fast", double fast = 5) =>
        new { id, strategy = "sma-cross", venue = "testex", symbol = "BTC/USDT", timeframe = "1m", parameters = new Dictionary<string, double> { ["fast"] = fast, ["slow"] = 25 } };

    private async Task<(System.Text.Json.JsonElement Body, string ETag)> CreateAsync(string id = "btc-fast")
    {
        using var response = await _api.Trader.PostAsJsonAsync("/api/strategies", NewStrategy(id));
        var body = await ApiHost.ReadAsync(response, HttpStatusCode.Created);
        return (body, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Create_ValidStrategy_Is201WithETagAndCoversItsMarket()
    {
        var (body, etag) = await CreateAsync();

        Assert.Equal("btc-fast", body.GetProperty("id").GetString());
        Assert.Equal(5, body.GetProperty("parameters").GetProperty("fast").GetDouble());
        Assert.Equal("paper-testex", body.GetProperty("account").GetString());
        Assert.Equal(etag, body.GetProperty("etag").GetString());
        var market = Assert.Single(await _api.Service<ConfigStore>().ListMarketsAsync(default));
        Assert.Equal(("testex", "BTC/USDT", "1m"), (market.Venue, market.Symbol.ToString(), market.Timeframe.ToString()));
        var stored = await _api.Service<ConfigStore>().GetStrategyAsync("btc-fast", default);
        Assert.True(stored!.Enabled);
    }

    [Fact]
    public async Task Create_SameIdTwice_Is409AndKeepsTheFirst()
    {
        await CreateAsync();

        using var response = await _api.Trader.PostAsJsonAsync("/api/strategies", NewStrategy(fast: 7));

        await ApiHost.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, (await _api.Service<ConfigStore>().GetStrategyAsync("btc-fast", default))!.Parameters["fast"]);
    }

    [Fact]
    public async Task Get_UnknownId_Is404ProblemDetailsAsProblemJson()
    {
        using var response = await _api.Viewer.GetAsync("/api/strategies/nope");

        var problem = await ApiHost.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("nope", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a","strategy":"nope","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "strategy", "must be one of")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"nowhere","symbol":"BTC/USDT","timeframe":"1m"}""", "venue", "not a configured venue")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTCUSDT","timeframe":"1m"}""", "symbol", "not a symbol")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"7x"}""", "timeframe", "not a timeframe")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","parameters":{"fast":-3}}""", "parameters", "fast must be between")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","parameters":{"speed":3}}""", "parameters", "Unknown parameter 'speed'")]
    [InlineData("""{"id":"a b","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "id", "must be 1 to 64")]
    [InlineData("""{"id":"risk-exit","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "id", "reserved")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","liveMode":true}""", "liveMode", "not a field")]
    [InlineData("""{"id":"a","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","enabled":"yes"}""", "enabled", "")]
    [InlineData("""{"id":"a","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "body", "required")]
    public async Task Create_InvalidBody_Is400NamingTheField(string body, string field, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _api.Trader.PostAsync("/api/strategies", content);

        var problem = await ApiHost.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(ApiHost.Errors(problem, field), r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replace_WithCurrentETag_ChangesAndReturnsANewETag()
    {
        var (_, etag) = await CreateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/btc-fast") { Content = JsonContent.Create(new { strategy = "breakout", venue = "testex", symbol = "ETH/USDT", timeframe = "1h", enabled = false }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await _api.Trader.SendAsync(request);

        var body = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("breakout", body.GetProperty("strategy").GetString());
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        Assert.Contains(await _api.Service<ConfigStore>().ListMarketsAsync(default), m => m.Symbol.ToString() == "ETH/USDT" && m.Timeframe.ToString() == "1h");
    }

    [Fact]
    public async Task Replace_WithStaleETag_Is412AndChangesNothing()
    {
        var (_, etag) = await CreateAsync();
        await EnableAsync("btc-fast", enable: false, etag);

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/btc-fast") { Content = JsonContent.Create(NewStrategy(fast: 9)) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await _api.Trader.SendAsync(request);

        await ApiHost.ReadAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(5, (await _api.Service<ConfigStore>().GetStrategyAsync("btc-fast", default))!.Parameters["fast"]);
    }

    [Fact]
    public async Task Replace_WithoutIfMatch_Is428()
    {
        await CreateAsync();

        using var response = await _api.Trader.PutAsJsonAsync("/api/strategies/btc-fast", NewStrategy(fast: 9));

        await ApiHost.ReadAsync(response, (HttpStatusCode)428);
    }

    [Fact]
    public async Task Replace_UnknownStrategy_Is404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/ghost") { Content = JsonContent.Create(NewStrategy("ghost")) };
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"datetime'2026-01-01T00%3A00%3A00Z'\"");

        using var response = await _api.Trader.SendAsync(request);

        await ApiHost.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisableThenEnable_TogglesTheStoredSwitch()
    {
        await CreateAsync();

        var disabled = await EnableAsync("btc-fast", enable: false);
        var afterDisable = (await _api.Service<ConfigStore>().GetStrategyAsync("btc-fast", default))!.Enabled;
        var enabled = await EnableAsync("btc-fast", enable: true);

        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.False(afterDisable);
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.True((await _api.Service<ConfigStore>().GetStrategyAsync("btc-fast", default))!.Enabled);
    }

    [Fact]
    public async Task Parameters_ReplacedWithIfMatch_ReplaceTheSetWithDefaultsForTheRest()
    {
        var (_, etag) = await CreateAsync();
        using var bad = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/btc-fast/parameters") { Content = JsonContent.Create(new Dictionary<string, double> { ["fast"] = 0.5 }) };
        bad.Headers.TryAddWithoutValidation("If-Match", etag);
        using var good = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/btc-fast/parameters") { Content = JsonContent.Create(new Dictionary<string, double> { ["fast"] = 3 }) };
        good.Headers.TryAddWithoutValidation("If-Match", etag);

        using var rejected = await _api.Trader.SendAsync(bad);
        using var accepted = await _api.Trader.SendAsync(good);

        Assert.Contains("whole number", ApiHost.Errors(await ApiHost.ReadAsync(rejected, HttpStatusCode.BadRequest), "parameters")[0], StringComparison.Ordinal);
        var body = await ApiHost.ReadAsync(accepted, HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("parameters").GetProperty("fast").GetDouble());
        Assert.Equal(20, body.GetProperty("parameters").GetProperty("slow").GetDouble());
    }

    [Fact]
    public async Task Market_MovedWithIfMatch_IsStoredAndIngested()
    {
        var (_, etag) = await CreateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/btc-fast/market") { Content = JsonContent.Create(new { venue = "testex", symbol = "SOL/USDT", timeframe = "5m" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await _api.Trader.SendAsync(request);

        var body = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("SOL/USDT", body.GetProperty("symbol").GetString());
        var markets = await ApiHost.GetAsync(_api.Viewer, "/api/markets");
        Assert.Contains(markets.GetProperty("items").EnumerateArray(), m => m.GetProperty("symbol").GetString() == "SOL/USDT" && m.GetProperty("timeframe").GetString() == "5m");
    }

    [Fact]
    public async Task List_PagesWithContinuationTokens()
    {
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await CreateAsync(id);
        }

        var first = await ApiHost.GetAsync(_api.Viewer, "/api/strategies?pageSize=2");
        var token = first.GetProperty("continuationToken").GetString();
        var second = await ApiHost.GetAsync(_api.Viewer, "/api/strategies?pageSize=2&continuationToken=" + Uri.EscapeDataString(token!));

        Assert.Equal(["s1", "s2"], first.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["s3"], second.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.TryGetProperty("continuationToken", out var end) ? end.ValueKind : System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuationToken=%%%", "continuationToken")]
    [InlineData("continuationToken=bm90LWEtdG9rZW4", "continuationToken")]
    public async Task List_BadPagingInput_Is400NamingTheField(string query, string field)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, "/api/strategies?" + query, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiHost.Errors(problem, field));
    }

    [Fact]
    public async Task Get_OneStrategy_HasItsETagHeader()
    {
        var (_, etag) = await CreateAsync();

        using var response = await _api.Viewer.GetAsync("/api/strategies/btc-fast");

        Assert.Equal(etag, response.Headers.ETag!.ToString());
        await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        await ApiHost.GetAsync(_api.Viewer, "/api/strategies/nope", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Catalog_ListsEveryStrategyWithParameterRanges()
    {
        var catalog = await ApiHost.GetAsync(_api.Viewer, "/api/catalog");

        var smaCross = catalog.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sma-cross");
        Assert.Contains(smaCross.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "fast" && p.GetProperty("integer").GetBoolean());
    }

    private async Task<System.Text.Json.JsonElement> EnableAsync(string id, bool enable, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/strategies/{id}/{(enable ? "enable" : "disable")}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        using var response = await _api.Trader.SendAsync(request);
        return await ApiHost.ReadAsync(response, HttpStatusCode.OK);
    }
}

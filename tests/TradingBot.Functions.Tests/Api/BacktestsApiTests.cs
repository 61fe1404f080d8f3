using System.Net;
using System.Text;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

[Collection(AzuriteTests.Name)]
public sealed class BacktestsApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    private static string Csv(int bars)
    {
        var text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (var i = 0; i < bars; i++)
        {
            var close = 100 + (10 * Math.Sin(i / 5.0));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i):O},{close},{close + 1},{close - 1},{close},1\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task Run_OnStoredCandles_StoresResultAndReport()
    {
        await Scenario.ConfigureAsync(_api.Host, Scenario.Bars(Scenario.FirstBar.AddMinutes(-200), [.. Enumerable.Range(0, 206).Select(i => 100m + (i % 17))]));

        var run = await ApiHost.PostAsync(_api.Trader, "/api/backtests", new
        {
            strategy = "sma-cross", venue = "testex", symbol = "BTC/USDT", timeframe = "1m", parameters = new { fast = 3, slow = 8 },
            settings = new { cash = "1000", commission = "0.001" },
        }, HttpStatusCode.Created);
        var id = run.GetProperty("id").GetString()!;
        var result = await ApiHost.GetAsync(_api.Viewer, $"/api/backtests/{id}");
        using var report = await _api.Viewer.GetAsync($"/api/backtests/{id}/report");
        var list = await ApiHost.GetAsync(_api.Viewer, "/api/backtests");

        Assert.Equal(206, run.GetProperty("bars").GetInt32());
        Assert.Equal("fast=3,slow=8", run.GetProperty("parameters").GetString());
        Assert.True(result.GetProperty("stats").GetProperty("trades").GetInt32() > 0);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!doctype html>", (await report.Content.ReadAsStringAsync()).TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Run_OnUploadedCsv_UsesItsCandles()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Csv(300)), "file", "waves.csv" },
            { new StringContent("sma-cross"), "strategy" },
            { new StringContent("""{"fast":5,"slow":20}"""), "parameters" },
            { new StringContent("""{"cash":"5000","quantityStep":"0.001"}"""), "settings" },
        };

        using var response = await _api.Trader.PostAsync("/api/backtests/upload", form);

        var run = await ApiHost.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(300, run.GetProperty("bars").GetInt32());
        Assert.Equal("upload waves.csv", run.GetProperty("source").GetString());
        await ApiHost.GetAsync(_api.Viewer, run.GetProperty("resultUrl").GetString()!);
    }

    [Fact]
    public async Task Run_OnBadCsv_Is400WithLineAndField()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("timestamp,open,high,low,close\n2026-01-01T00:00:00Z,1,2,0.5,1.5\n2026-01-01T00:01:00Z,1,abc,0.5,1.5\n"), "file", "bad.csv" },
            { new StringContent("sma-cross"), "strategy" },
        };

        using var response = await _api.Trader.PostAsync("/api/backtests/upload", form);

        var reason = Assert.Single(ApiHost.Errors(await ApiHost.ReadAsync(response, HttpStatusCode.BadRequest), "file"));
        Assert.Contains("bad.csv:3", reason, StringComparison.Ordinal);
        Assert.Contains("high", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunUpload_FormFieldNotAnObject_Is400WithoutInternalTypeNames()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("timestamp,open,high,low,close\n2026-01-01T00:00:00Z,1,2,0.5,1.5\n"), "file", "one.csv" },
            { new StringContent("sma-cross"), "strategy" },
            { new StringContent("[1]"), "parameters" },
        };

        using var response = await _api.Trader.PostAsync("/api/backtests/upload", form);

        var reason = Assert.Single(ApiHost.Errors(await ApiHost.ReadAsync(response, HttpStatusCode.BadRequest), "parameters"));
        Assert.StartsWith("is not a valid JSON object", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"strategy":"nope","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "strategy")]
    [InlineData("""{"strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","settings":{"cash":"-5"}}""", "settings")]
    [InlineData("""{"strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m","settings":{"cash":5}}""", "settings.cash")]
    [InlineData("""{"strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""", "symbol")]
    public async Task Run_InvalidRequest_Is400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _api.Trader.PostAsync("/api/backtests", content);

        Assert.NotEmpty(ApiHost.Errors(await ApiHost.ReadAsync(response, HttpStatusCode.BadRequest), field));
    }

    [Fact]
    public async Task Result_UnknownRun_Is404()
    {
        await ApiHost.GetAsync(_api.Viewer, "/api/backtests/bt-none", HttpStatusCode.NotFound);
        using var report = await _api.Viewer.GetAsync("/api/backtests/bt-none/report");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
    }
}

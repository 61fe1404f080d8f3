using System.Net;
using System.Net.Http.Json;
using System.Text;
using TradingBot.Core.Messages;
using TradingBot.Functions.Api;
using TradingBot.Functions.Functions;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

/// <summary>Server-sent events, the OpenAPI document and reference page, and the dashboard's static files.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LiveAndDocsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    /// <summary>Reads SSE blocks until one of <paramref name="kind"/> arrives (the test's own timeout ends a hang).</summary>
    private static async Task<(string Id, string Data)> NextAsync(StreamReader reader, string kind, CancellationToken ct)
    {
        string? id = null, name = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == kind)
                {
                    return (id ?? "", data ?? "");
                }

                id = name = data = null;
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new InvalidOperationException($"The stream ended before a '{kind}' event.");
    }

    [Fact]
    public async Task Events_StrategyChangeAndPipelineWork_AreStreamedAndResumable()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Scenario.ConfigureAsync(_api.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        using var response = await _api.Viewer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await NextAsync(reader, "ready", timeout.Token);

        await ApiHost.PostAsync(_api.Trader, $"/api/strategies/{Scenario.StrategyId}/disable", null);
        var strategy = await NextAsync(reader, "strategy", timeout.Token);
        await _api.Host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger,
            SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^1]), Scenario.StrategyId, "sma-cross", Core.Strategies.StrategySignal.Long("test")));
        var risk = await NextAsync(reader, "risk", timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"enabled\":false", strategy.Data, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"decided\"", risk.Data, StringComparison.Ordinal);

        using var resume = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        resume.Headers.Add("Last-Event-ID", strategy.Id);
        using var resumed = await _api.Viewer.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var again = new StreamReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var missed = await NextAsync(again, "risk", timeout.Token);
        Assert.Equal(risk.Id, missed.Id);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryFixedRoute()
    {
        var document = await ApiHost.GetAsync(_api.Viewer, "/api/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[] { "/api/health", "/api/strategies", "/api/portfolio", "/api/positions", "/api/orders", "/api/fills", "/api/signals", "/api/risk",
                     "/api/risk/halt", "/api/risk/resume", "/api/candles", "/api/backtests", "/api/poison", "/api/events" })
        {
            Assert.True(paths.Contains(route) || paths.Contains(route + "/"), $"{route} is missing from the OpenAPI document");
        }

        Assert.DoesNotContain(paths, p => p.Contains("ExecuteOrders", StringComparison.Ordinal));
        var notFound = document.GetProperty("paths").GetProperty("/api/strategies/{id}").GetProperty("get").GetProperty("responses").GetProperty("404");
        Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _), "404 is documented as application/problem+json");
        Assert.Equal("apiKey", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("functionKey").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Docs_OpenedWithCode_ServesTheReferenceAndItsScriptLocally()
    {
        using var page = await _api.Anonymous.GetAsync("/api/docs/v1?code=" + ApiHost.ViewerKey);
        var html = await page.Content.ReadAsStringAsync();
        using var script = await _api.Anonymous.GetAsync("/api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json?code=", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Docs_OpenedWithoutTrailingSlash_RedirectKeepsTheCode()
    {
        using var page = await _api.Anonymous.GetAsync("/api/docs?code=" + ApiHost.ViewerKey);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json?code=", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_IsServedAtTheRootWithAStrictPolicyAndTheBundledChartLibrary()
    {
        using var page = await _api.Anonymous.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        using var library = await _api.Anonymous.GetAsync("/lib/lightweight-charts.js");
        using var script = await _api.Anonymous.GetAsync("/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>TradingBot</title>", html, StringComparison.Ordinal);
        Assert.Equal(DashboardApi.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("LightweightCharts", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("http://", html + await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html + await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionEndpoints_StayUnreachableThroughTheApi()
    {
        using var client = _api.Client(ApiHost.TraderKey, ("X-Forwarded-For", "203.0.113.9"));

        using var response = await client.PostAsJsonAsync("/ExecuteOrders", new { Data = new { } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

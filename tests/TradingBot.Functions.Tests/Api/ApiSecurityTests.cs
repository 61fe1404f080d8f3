using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using TradingBot.Functions.Api.Security;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

[Collection(AzuriteTests.Name)]
public sealed class ApiSecurityTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    /// <summary>App Service authentication enabled, as the platform says in WEBSITE_AUTH_ENABLED.</summary>
    private static readonly (string, string?)[] AppServiceMode = [("Api:Auth:Mode", "AppService"), (ApiAuthenticationHandler.PlatformAuthSetting, "True")];

    public void Dispose() => _api.Dispose();

    public static TheoryData<string> ReadRoutes =>
    [
        "/api/strategies", "/api/catalog", "/api/markets", "/api/portfolio", "/api/positions", "/api/orders", "/api/fills", "/api/signals",
        "/api/risk/decisions", "/api/risk", "/api/candles?venue=testex&symbol=BTC/USDT&timeframe=1m", "/api/backtests", "/api/poison",
        "/api/openapi/v1.json", "/api/docs",
    ];

    [Fact]
    public void Endpoints_EveryApiRouteButHealth_RequiresARole()
    {
        var endpoints = _api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        var open = endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0).Select(e => e.RoutePattern.RawText).ToList();

        Assert.True(endpoints.Count > 25, $"only {endpoints.Count} API endpoints found");
        Assert.Contains("/api/health", open);
        Assert.All(open, route => Assert.True(route is "/api/health" or "/api/docs/scalar.js" or "/api/docs/scalar.aspnetcore.js" or "/api/docs/favicon.svg",
            $"{route} is open"));
    }

    [Fact]
    public async Task Health_WithoutKey_Answers()
    {
        var health = await ApiHost.GetAsync(_api.Anonymous, "/api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("key", health.GetProperty("auth").GetString());
    }

    [Fact]
    public async Task Health_InAppServiceMode_SaysSoSoTheDashboardSkipsItsKeyForm()
    {
        using var azure = ApiHost.Create(azurite, AppServiceMode);

        var health = await ApiHost.GetAsync(azure.Anonymous, "/api/health");

        Assert.Equal("app-service", health.GetProperty("auth").GetString());
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task Get_WithoutKey_Is401ProblemDetails(string route)
    {
        using var response = await _api.Anonymous.GetAsync(route);

        var problem = await ApiHost.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task Get_WithViewerKey_IsAllowed(string route)
    {
        using var response = await _api.Viewer.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithWrongKey_Is401AndNeverEchoesTheKey()
    {
        using var client = _api.Client("not-the-key-but-a-secret-guess");

        using var response = await client.GetAsync("/api/orders");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-guess", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiHost.TraderKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithKeyInCodeQuery_IsAllowedLikeAFunctionKey()
    {
        using var response = await _api.Anonymous.GetAsync("/api/orders?code=" + ApiHost.ViewerKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/risk/halt", """{"message":"test"}""")]
    [InlineData("/api/risk/resume", """{"message":"test"}""")]
    [InlineData("/api/strategies", """{"id":"x","strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""")]
    [InlineData("/api/strategies/x/enable", "")]
    [InlineData("/api/orders/testex/ord-1/cancel", "")]
    [InlineData("/api/backtests", """{"strategy":"sma-cross","venue":"testex","symbol":"BTC/USDT","timeframe":"1m"}""")]
    public async Task Post_WithViewerKey_Is403(string route, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _api.Viewer.PostAsync(route, content);

        var problem = await ApiHost.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_KeyModeWithoutConfiguredKey_RefusesEveryKey()
    {
        using var bare = ApiHost.Create(azurite, ("Api:Auth:Key", ""), ("Api:Auth:ViewerKey", ""));
        using var client = bare.Client("anything");

        var problem = await ApiHost.GetAsync(client, "/api/orders", HttpStatusCode.Unauthorized);

        Assert.Contains("No API key is configured", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnresolvedKeyVaultReference_IsNeverAKey()
    {
        // Before the secret exists, App Service hands the app the reference text itself; that text is no key.
        const string reference = "@Microsoft.KeyVault(VaultName=kv-bot;SecretName=api-key)";
        using var pending = ApiHost.Create(azurite, ("Api:Auth:Key", reference), ("Api:Auth:ViewerKey", reference.Replace("api-key", "api-viewer-key", StringComparison.Ordinal)));
        using var client = pending.Client(reference);

        var problem = await ApiHost.GetAsync(client, "/api/orders", HttpStatusCode.Unauthorized);

        Assert.Contains("Key Vault references the platform could not resolve", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ViewerKeyReferenceUnresolved_TheResolvedKeyStillWorks()
    {
        const string reference = "@Microsoft.KeyVault(VaultName=kv-bot;SecretName=api-viewer-key)";
        using var partial = ApiHost.Create(azurite, ("Api:Auth:ViewerKey", reference));

        using var referenceClient = partial.Client(reference);
        using var keyClient = partial.Client(ApiHost.TraderKey);

        using var withReference = await referenceClient.GetAsync("/api/risk");
        using var withKey = await keyClient.GetAsync("/api/risk");

        Assert.Equal(HttpStatusCode.Unauthorized, withReference.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task Get_DevHostKeySetting_IsAcceptedWhenApiKeyUnset()
    {
        using var devhost = ApiHost.Create(azurite, ("Api:Auth:Key", null), ("DevHost:ApiKey", "printed-by-devhost"));
        using var client = devhost.Client("printed-by-devhost");

        using var response = await client.GetAsync("/api/risk");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "GET", HttpStatusCode.Unauthorized)]
    [InlineData("viewer", "GET", HttpStatusCode.OK)]
    [InlineData("viewer", "POST", HttpStatusCode.Forbidden)]
    [InlineData("trader", "POST", HttpStatusCode.OK)]
    [InlineData("someone-else", "GET", HttpStatusCode.Forbidden)]
    public async Task AppServiceMode_RolesFromThePrincipalHeader_DecideAccess(string? role, string method, HttpStatusCode expected)
    {
        using var azure = ApiHost.Create(azurite, AppServiceMode);
        using var client = role is null ? azure.Client(null) : azure.Client(null, (ApiRoles.PrincipalHeader, Principal("alice@example.com", role)));

        using var response = method == "GET"
            ? await client.GetAsync("/api/risk")
            : await client.PostAsJsonAsync("/api/risk/halt", new { message = "role test" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    public async Task AppServiceMode_WithoutPlatformAuthentication_RefusesEvenAWellFormedPrincipal(string? platformSetting)
    {
        // Nothing strips a client-sent principal header unless App Service authentication runs: it could be forged.
        using var unprotected = ApiHost.Create(azurite, ("Api:Auth:Mode", "AppService"), (ApiAuthenticationHandler.PlatformAuthSetting, platformSetting));
        using var client = unprotected.Client(null, (ApiRoles.PrincipalHeader, Principal("mallory@example.com", ApiRoles.Trader)));

        var problem = await ApiHost.GetAsync(client, "/api/risk", HttpStatusCode.Unauthorized);

        Assert.Contains(ApiAuthenticationHandler.PlatformAuthSetting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppServiceMode_KeyAlone_IsNotEnough()
    {
        using var azure = ApiHost.Create(azurite, AppServiceMode);
        using var client = azure.Client(ApiHost.TraderKey);

        using var response = await client.GetAsync("/api/risk");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AppServiceMode_MalformedPrincipal_Is401()
    {
        using var azure = ApiHost.Create(azurite, AppServiceMode);
        using var client = azure.Client(null, (ApiRoles.PrincipalHeader, "not base64 json"));

        var problem = await ApiHost.GetAsync(client, "/api/risk", HttpStatusCode.Unauthorized);

        Assert.Contains(ApiRoles.PrincipalHeader, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutations_OverTheLimit_Are429WithRetryAfter()
    {
        using var limited = ApiHost.Create(azurite, ("Api:MutationsPerMinute", "2"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await limited.Trader.PostAsJsonAsync("/api/risk/halt", new { message = "limit test", account = "paper-testex" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null);
        last.Dispose();
    }

    [Fact]
    public async Task ApiResponses_AreNeverCached()
    {
        using var response = await _api.Viewer.GetAsync("/api/risk");

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    internal static string Principal(string name, params string[] roles)
    {
        var claims = string.Join(",", roles.Select(r => $$"""{"typ":"roles","val":"{{r}}"}""").Append($$"""{"typ":"name","val":"{{name}}"}"""));
        var json = $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{{claims}}]}""";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradingBot.Functions.Api;

namespace TradingBot.Functions.Tests.Api;

/// <summary>
/// The function app with its API in key mode: <see cref="TraderKey"/> (viewer + trader) and <see cref="ViewerKey"/>
/// (viewer only), over real Kestrel and Azurite (<see cref="PipelineHost"/>), with clients that send each key.
/// </summary>
internal sealed class ApiHost : IDisposable
{
    public const string TraderKey = "trader-key-0123456789abcdef";
    public const string ViewerKey = "viewer-key-0123456789abcdef";

    private ApiHost(PipelineHost host)
    {
        Host = host;
        Trader = Client(TraderKey);
        Viewer = Client(ViewerKey);
        Anonymous = Client(null);
    }

    public PipelineHost Host { get; }

    public HttpClient Trader { get; }

    public HttpClient Viewer { get; }

    public HttpClient Anonymous { get; }

    public static ApiHost Create(Testing.AzuriteFixture azurite, params (string Key, string? Value)[] settings) =>
        new(PipelineHost.Create(azurite, [("Api:Auth:Key", TraderKey), ("Api:Auth:ViewerKey", ViewerKey), .. settings]));

    public HttpClient Client(string? key, params (string Name, string Value)[] headers)
    {
        var client = new HttpClient { BaseAddress = Host.Client.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }

    public T Service<T>()
        where T : notnull => Host.Service<T>();

    public void Dispose()
    {
        Trader.Dispose();
        Viewer.Dispose();
        Anonymous.Dispose();
        Host.Dispose();
    }

    /// <summary>The JSON body of a response that must have <paramref name="status"/> (the body is in the failure message otherwise).</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response, status);
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return await ReadAsync(response, status);
    }

    /// <summary>The reasons a 400 gives for <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Errors(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var reasons)
            ? [.. reasons.EnumerateArray().Select(r => r.GetString()!)]
            : throw new Xunit.Sdk.XunitException($"no error for '{field}' in {problem}");

    public static JsonSerializerOptions Json { get; } = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        return options;
    }
}

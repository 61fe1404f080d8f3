using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using TradingBot.Testing;

namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, port 0) standing in for a venue: it records every request, runs an
/// optional <see cref="Gate"/> (auth checks) and answers from routes registered with <see cref="On"/>
/// (a path ending in <c>*</c> matches by prefix; the latest registration wins).
/// </summary>
internal sealed class FakeVenueServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<FakeRequest, FakeResponse>> _routes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private FakeVenueServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Runs before routing; a non-null response short-circuits (e.g. 401 for a bad signature).</summary>
    public Func<FakeRequest, FakeResponse?>? Gate { get; set; }

    public static async Task<FakeVenueServer> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var server = new FakeVenueServer(app);
        app.Run(server.HandleAsync);
        server.BaseUrl = await LoopbackServer.StartAsync(app);
        return server;
    }

    public FakeVenueServer On(string method, string path, Func<FakeRequest, FakeResponse> handler)
    {
        var key = $"{method} {path}";
        lock (_order)
        {
            _order.Remove(key);
            _order.Insert(0, key);
        }

        _routes[key] = handler;
        return this;
    }

    public FakeVenueServer On(string method, string path, FakeResponse response) => On(method, path, _ => response);

    /// <summary>Requests whose path starts with <paramref name="path"/>.</summary>
    public IReadOnlyList<FakeRequest> RequestsTo(string method, string path) =>
        [.. Requests.Where(r => r.Method == method && r.Path.StartsWith(path, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            $"{context.Request.Host}");
        Requests.Enqueue(request);
        var response = Gate?.Invoke(request) ?? Route(request)?.Invoke(request)
            ?? FakeResponse.Json(404, $$"""{"error":"NOT_FOUND","message":"the fake has no route for {{request.Method}} {{request.Path}}"}""");
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private Func<FakeRequest, FakeResponse>? Route(FakeRequest request)
    {
        string[] keys;
        lock (_order)
        {
            keys = [.. _order];
        }

        foreach (var key in keys)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            var method = key[..space];
            var path = key[(space + 1)..];
            var matches = path.EndsWith('*')
                ? request.Path.StartsWith(path[..^1], StringComparison.Ordinal)
                : request.Path == path;
            if (method == request.Method && matches)
            {
                return _routes[key];
            }
        }

        return null;
    }
}

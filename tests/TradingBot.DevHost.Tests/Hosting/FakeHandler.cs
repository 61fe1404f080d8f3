using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>
/// A custom handler stand-in on a real loopback port: records every request (path, headers, body) and answers with
/// <see cref="Answer"/>, so host behaviours (settlement, concurrency, forwarding) can be tested without the real app.
/// </summary>
public sealed class FakeHandler : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeHandler(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The reply to a request (default: 200 with <c>{}</c>).</summary>
    public Func<RecordedRequest, Task<(int Status, string Body)>> Answer { get; set; } = _ => Task.FromResult((200, "{}"));

    public int InFlight => _inFlight;

    public int MaxInFlight => _maxInFlight;

    private int _inFlight;
    private int _maxInFlight;

    public static async Task<FakeHandler> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        FakeHandler? handler = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync());
            handler!.Requests.Enqueue(request);
            var now = Interlocked.Increment(ref handler._inFlight);
            int max;
            do
            {
                max = handler._maxInFlight;
            }
            while (now > max && Interlocked.CompareExchange(ref handler._maxInFlight, now, max) != max);

            try
            {
                var (status, body) = await handler.Answer(request);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
            finally
            {
                Interlocked.Decrement(ref handler._inFlight);
            }
        });
        handler = new FakeHandler(app, await LoopbackServer.StartAsync(app));
        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

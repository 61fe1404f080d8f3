using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Notifications;

/// <summary>A local HTTP server (Kestrel on 127.0.0.1:0) that records every POST and answers <see cref="Status"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public int Status { get; set; } = 200;

    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            receiver!.Requests.Enqueue((http.Request.Path.Value ?? "", await reader.ReadToEndAsync()));
            return Results.StatusCode(receiver.Status);
        });
        receiver = new WebhookReceiver(app, await LoopbackServer.StartAsync(app));
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

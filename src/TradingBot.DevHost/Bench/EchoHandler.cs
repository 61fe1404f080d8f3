using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Bench;

/// <summary>
/// A minimal custom handler for measuring the DevHost alone: every function answers at once, publishing its trigger's
/// body unchanged on its output binding <c>out</c> (when it has one). It speaks the real protocol (double-encoded
/// bodies in, <c>{"Outputs":...}</c> out), so the emulator, the payload encoding and the loopback HTTP are all measured.
/// </summary>
public sealed class EchoHandler : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoHandler(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the handler; <paramref name="triggers"/> maps a function name to its trigger binding, <paramref name="forwards"/> the functions that publish.</summary>
    public static async Task<EchoHandler> StartAsync(IReadOnlyDictionary<string, string> triggers, IReadOnlySet<string> forwards)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{function}", async (string function, HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var encoded = document.RootElement.GetProperty("Data").GetProperty(triggers[function]).GetString()!;
            var body = JsonSerializer.Deserialize<string>(encoded)!;
            var reply = forwards.Contains(function)
                ? HostJson.Write(HostJson.Compact, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("Outputs");
                    w.WriteStartArray("out");
                    w.WriteRawValue(body);
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                })
                : "{}";
            return Results.Text(reply, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoHandler(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

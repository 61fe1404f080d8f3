using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingBot.Testing;

/// <summary>Real local HTTP servers for tests (fake venues, handlers, webhook receivers): Kestrel on 127.0.0.1, a port the OS picks, no logging.</summary>
public static class LoopbackServer
{
    /// <summary>A builder listening on 127.0.0.1:0; <paramref name="listen"/> adds e.g. HTTPS.</summary>
    public static WebApplicationBuilder CreateBuilder(Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen ?? (_ => { })));
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns its base address (ending in <c>/</c>).</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}

using System.Reflection;
using TradingBot.Functions.Venues;

namespace TradingBot.Functions.Api;

/// <summary><c>GET /api/health</c>: liveness without a key (no storage or venue call); the trading mode of every configured venue.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (TimeProvider time, Microsoft.Extensions.Options.IOptions<TradingOptions> trading) => TypedResults.Ok(new HealthReport(
            "ok",
            typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            time.GetUtcNow(),
            trading.Value.Venues.ToDictionary(v => v.Key.ToLowerInvariant(), v => v.Value.Mode.ToString().ToLowerInvariant(), StringComparer.Ordinal))));
        return app;
    }
}

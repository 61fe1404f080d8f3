using System.Reflection;
using Microsoft.Extensions.Options;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Venues;

namespace TradingBot.Functions.Api;

/// <summary><c>GET /api/health</c>: liveness without a key (no storage or venue call); the trading mode of every configured venue.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (TimeProvider time, IOptions<TradingOptions> trading, IOptionsMonitor<ApiAuthOptions> auth) => TypedResults.Ok(new HealthReport(
            "ok",
            typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            time.GetUtcNow(),
            trading.Value.Venues.ToDictionary(v => v.Key.ToLowerInvariant(), v => v.Value.Mode.ToString().ToLowerInvariant(), StringComparer.Ordinal),
            ApiText.Kebab(auth.CurrentValue.Mode))));
        return app;
    }
}

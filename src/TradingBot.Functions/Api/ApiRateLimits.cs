using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TradingBot.Functions.Api;

/// <summary>
/// Rate limits of the changing routes: <see cref="Mutations"/> = <see cref="ApiOptions.MutationsPerMinute"/> per caller
/// (the principal's name, else the remote address) in a fixed one-minute window; <see cref="Backtests"/> = one backtest
/// running at a time per instance with two waiting. Over the limit → 429 ProblemDetails with Retry-After.
/// </summary>
public static class ApiRateLimits
{
    public const string Mutations = "mutations";
    public const string Backtests = "backtests";

    public static void Configure(RateLimiterOptions limiter, ApiOptions api)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(api);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(Mutations, http => RateLimitPartition.GetFixedWindowLimiter(Caller(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = api.MutationsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
        limiter.AddConcurrencyLimiter(Backtests, o =>
        {
            o.PermitLimit = 1;
            o.QueueLimit = 2;
            o.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
        limiter.OnRejected = async (context, ct) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many changes in a short time; wait and retry." },
            });
        };
    }

    private static string Caller(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? "user:" + name : "ip:" + http.Connection.RemoteIpAddress;
}

namespace TradingBot.Exchanges.Http;

/// <summary>
/// The HTTP handler that puts every attempt (including resilience retries) through the venue's
/// <see cref="VenueRateLimiter"/>: budget and ban checked before sending, headers and 429/418 observed after.
/// </summary>
public sealed class VenueRateLimitHandler(VenueRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var weight = request.Options.TryGetValue(VenueRequestOptions.Weight, out var w) ? w : 1;
        var description = request.Options.TryGetValue(VenueRequestOptions.Description, out var d) ? d : request.Method.Method;
        await limiter.AcquireAsync(weight, description, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        limiter.Observe(response);
        return response;
    }
}

namespace TradingBot.Exchanges.Http;

/// <summary>How a venue's HTTP client behaves: its rate-limit policy and the retry budget for idempotent requests.</summary>
public sealed record VenueHttpSettings
{
    public RateLimitPolicy RateLimit { get; init; } = new();

    /// <summary>Retries of an idempotent request (GET) after a transient fault (5xx, 408, transport error, attempt timeout).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Base delay of the exponential retry backoff (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}

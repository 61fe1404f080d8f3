namespace TradingBot.Exchanges.Http;

/// <summary>
/// A venue's request budget as a token bucket: up to <see cref="Capacity"/> weight, refilled continuously by
/// <see cref="Refill"/> weight per <see cref="Window"/>. When the venue reports its own count of used weight in a
/// response header (<see cref="UsedWeightHeader"/>, e.g. Binance <c>X-MBX-USED-WEIGHT-1m</c>), the bucket is lowered to
/// what the venue says is left, so other processes sharing the IP are accounted for.
/// </summary>
public sealed record RateLimitPolicy
{
    public int Capacity { get; init; } = 1200;

    /// <summary>Weight added back per <see cref="Window"/>; defaults to <see cref="Capacity"/>.</summary>
    public int? Refill { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Response header carrying the venue's used weight for the current window, if the venue sends one.</summary>
    public string? UsedWeightHeader { get; init; }

    /// <summary>The venue's limit for <see cref="UsedWeightHeader"/> (defaults to <see cref="Capacity"/>).</summary>
    public int? HeaderLimit { get; init; }

    /// <summary>The longest a request may wait for budget; beyond that it fails with RateLimitExceeded without being sent.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to stay away after an HTTP 429 that carried no Retry-After.</summary>
    public TimeSpan DefaultBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to stay away after an HTTP 418 (IP ban) that carried no Retry-After (Binance bans start at 2 minutes).</summary>
    public TimeSpan DefaultBan { get; init; } = TimeSpan.FromMinutes(2);

    internal double RefillPerSecond => (Refill ?? Capacity) / Window.TotalSeconds;
}

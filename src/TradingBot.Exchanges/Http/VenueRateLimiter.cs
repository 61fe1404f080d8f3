using System.Globalization;
using TradingBot.Core.Exchange;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// One venue's client-side rate limiter: a weight-aware token bucket checked <b>before</b> every request, synced from
/// the venue's used-weight header, plus a "banned until" time set from HTTP 429/418 and <c>Retry-After</c>. While
/// banned, <see cref="AcquireAsync"/> throws at once (<see cref="RateLimitExceeded"/> after a 429,
/// <see cref="DDoSProtection"/> after a 418) and no request is sent, so the client never hammers into a longer ban.
/// </summary>
public sealed class VenueRateLimiter
{
    private readonly Lock _lock = new();
    private readonly string _venue;
    private RateLimitPolicy _policy;
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _refilledAt;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;
    private bool _ipBan;

    public VenueRateLimiter(string venue, RateLimitPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policy.Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.Window, TimeSpan.Zero);
        _venue = venue;
        _policy = policy;
        _time = time;
        _tokens = policy.Capacity;
        _refilledAt = time.GetUtcNow();
    }

    public RateLimitPolicy Policy => _policy;

    /// <summary>The end of the current ban, or null when requests may be sent.</summary>
    public DateTimeOffset? BannedUntil
    {
        get
        {
            lock (_lock)
            {
                return _bannedUntil > _time.GetUtcNow() ? _bannedUntil : null;
            }
        }
    }

    /// <summary>Budget left right now (weight units).</summary>
    public double Available
    {
        get
        {
            lock (_lock)
            {
                RefillLocked(_time.GetUtcNow());
                return _tokens;
            }
        }
    }

    /// <summary>Takes <paramref name="weight"/> from the budget, waiting (up to the policy's MaxWait) for refill; throws while banned.</summary>
    public async Task AcquireAsync(int weight, string request, CancellationToken ct)
    {
        var cost = Math.Clamp(weight, 1, _policy.Capacity);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                if (now < _bannedUntil)
                {
                    throw BannedError(request, _bannedUntil - now);
                }

                RefillLocked(now);
                if (_tokens >= cost)
                {
                    _tokens -= cost;
                    return;
                }

                wait = TimeSpan.FromSeconds(Math.Ceiling((cost - _tokens) / _policy.RefillPerSecond * 1000.0) / 1000.0);
            }

            if (wait > _policy.MaxWait)
            {
                throw new RateLimitExceeded(
                    $"{_venue} {request}: the local rate limit needs {wait.TotalSeconds:0.###} s before this request (weight {cost}); not sent.")
                {
                    Venue = _venue,
                    RetryAfter = wait,
                };
            }

            await Task.Delay(wait, _time, ct);
        }
    }

    /// <summary>Adopts the venue's published budget (e.g. Binance exchangeInfo REQUEST_WEIGHT) as capacity and header limit.</summary>
    public void SetCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        lock (_lock)
        {
            RefillLocked(_time.GetUtcNow());
            _policy = _policy with { Capacity = capacity, Refill = capacity, HeaderLimit = capacity };
            _tokens = Math.Min(_tokens, capacity);
        }
    }

    /// <summary>Updates the budget from a response: used-weight header, and a ban on 429/418 (Retry-After honoured).</summary>
    public void Observe(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = _time.GetUtcNow();
        if (_policy.UsedWeightHeader is { } header
            && response.Headers.TryGetValues(header, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var used))
        {
            lock (_lock)
            {
                RefillLocked(now);
                var left = (_policy.HeaderLimit ?? _policy.Capacity) - used;
                _tokens = Math.Max(0, Math.Min(_tokens, left));
            }
        }

        var status = (int)response.StatusCode;
        if (status is 429 or 418)
        {
            Ban(status == 418, RetryAfter(response, now));
        }
    }

    /// <summary>Stops all requests until now + <paramref name="retryAfter"/> (or the policy's default for the kind of ban).</summary>
    public void Ban(bool ipBan, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var until = now + (retryAfter is { } r && r > TimeSpan.Zero ? r : ipBan ? _policy.DefaultBan : _policy.DefaultBackoff);
            _ipBan = ipBan || (_ipBan && now < _bannedUntil);
            if (until > _bannedUntil)
            {
                _bannedUntil = until;
            }

            _tokens = 0;
            _refilledAt = _bannedUntil;
        }
    }

    /// <summary>The Retry-After of a response as a duration (delta seconds or an HTTP date), if present.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    private BaseError BannedError(string request, TimeSpan remaining)
    {
        var message = $"{_venue} {request}: not sent; the venue {(_ipBan ? "banned this IP (HTTP 418)" : "rate-limited us (HTTP 429)")} until "
            + $"{_bannedUntil.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({remaining.TotalSeconds:0} s left).";
        return _ipBan
            ? new DDoSProtection(message) { Venue = _venue, VenueCode = "418", RetryAfter = remaining }
            : new RateLimitExceeded(message) { Venue = _venue, VenueCode = "429", RetryAfter = remaining };
    }

    private void RefillLocked(DateTimeOffset now)
    {
        if (now <= _refilledAt)
        {
            return;
        }

        _tokens = Math.Min(_policy.Capacity, _tokens + ((now - _refilledAt).TotalSeconds * _policy.RefillPerSecond));
        _refilledAt = now;
        if (now >= _bannedUntil)
        {
            _ipBan = false;
        }
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Http;

public sealed class VenueRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private VenueRateLimiter Limiter(int capacity = 10, string? header = null) =>
        new("test", new RateLimitPolicy { Capacity = capacity, Window = TimeSpan.FromSeconds(10), UsedWeightHeader = header }, _time);

    [Fact]
    public async Task AcquireAsync_WithinBudget_CompletesAtOnceAndSpends()
    {
        var limiter = Limiter();

        await limiter.AcquireAsync(4, "GET /x", CancellationToken.None);

        Assert.Equal(6, limiter.Available, 6);
    }

    [Fact]
    public async Task AcquireAsync_BudgetSpent_WaitsForRefillOnTheClock()
    {
        var limiter = Limiter();
        await limiter.AcquireAsync(10, "GET /x", CancellationToken.None);

        var waiting = limiter.AcquireAsync(3, "GET /x", CancellationToken.None);
        var pendingBeforeRefill = !waiting.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(3));
        await waiting;

        Assert.True(pendingBeforeRefill);
        Assert.Equal(0, limiter.Available, 6);
    }

    [Fact]
    public async Task AcquireAsync_WaitLongerThanMaxWait_RateLimitExceededWithoutWaiting()
    {
        var limiter = new VenueRateLimiter("test", new RateLimitPolicy { Capacity = 10, Window = TimeSpan.FromMinutes(1), MaxWait = TimeSpan.FromSeconds(10) }, _time);
        await limiter.AcquireAsync(10, "GET /x", CancellationToken.None);

        var error = await Assert.ThrowsAsync<RateLimitExceeded>(() => limiter.AcquireAsync(5, "GET /x", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task Observe_418WithRetryAfter_EveryAcquireFailsUntilItPasses()
    {
        var limiter = Limiter();
        using var response = new HttpResponseMessage((HttpStatusCode)418);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        limiter.Observe(response);
        var banned = await Assert.ThrowsAsync<DDoSProtection>(() => limiter.AcquireAsync(1, "GET /x", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(119));
        await Assert.ThrowsAsync<DDoSProtection>(() => limiter.AcquireAsync(1, "GET /x", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        await limiter.AcquireAsync(1, "GET /x", CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), banned.RetryAfter);
        Assert.Null(limiter.BannedUntil);
    }

    [Fact]
    public async Task Observe_429WithoutRetryAfter_BacksOffForThePolicyDefault()
    {
        var limiter = Limiter();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        limiter.Observe(response);

        var error = await Assert.ThrowsAsync<RateLimitExceeded>(() => limiter.AcquireAsync(1, "GET /x", CancellationToken.None));
        Assert.Equal(new RateLimitPolicy().DefaultBackoff, error.RetryAfter);
    }

    [Fact]
    public async Task Observe_429WithHttpDateRetryAfter_BannedUntilThatDate()
    {
        var limiter = Limiter();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(45));

        limiter.Observe(response);

        Assert.Equal(_time.GetUtcNow().AddSeconds(45), limiter.BannedUntil);
        await Assert.ThrowsAsync<RateLimitExceeded>(() => limiter.AcquireAsync(1, "GET /x", CancellationToken.None));
    }

    [Fact]
    public void Observe_UsedWeightHeader_LowersBudgetToWhatTheVenueSaysIsLeft()
    {
        var limiter = Limiter(capacity: 100, header: "X-Used");
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Used", "97");

        limiter.Observe(response);

        Assert.Equal(3, limiter.Available, 6);
    }

    [Fact]
    public void SetCapacity_PublishedLimit_BecomesTheBudget()
    {
        var limiter = Limiter(capacity: 100);

        limiter.SetCapacity(40);

        Assert.Equal(40, limiter.Available, 6);
        Assert.Equal(40, limiter.Policy.Capacity);
    }
}

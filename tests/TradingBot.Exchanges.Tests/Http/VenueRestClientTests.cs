using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Http;

public sealed class VenueRestClientTests : IDisposable
{
    private static readonly VenueRequest Placement = new(HttpMethod.Post, "/api/v3/order") { PlacesOrder = true };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly HeldHandler _venue = new();

    public void Dispose() => _venue.Dispose();

    private VenueRestClient Client(TimeSpan placementQueueTimeout) =>
        new("testex", new Uri("http://venue.test"), new Clients(_venue), new VenueErrorMap(_ => null), _time, placementQueueTimeout);

    [Theory]
    [InlineData("PlacementQueueTimeout")]
    [InlineData("Timeout")]
    public void AddVenue_NonPositiveTimeout_IsRefusedNamingTheSetting(string setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"Venues:binance:{setting}", "00:00:00")])
            .Build();
        var services = new ServiceCollection();
        services.AddVenue<BinanceExchange, BinanceOptions>("binance", configuration, VenueHost.Unthrottled,
            static (options, section) => options.Bind(section));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<VenueOptions>>().Get("binance"));

        Assert.Contains($"Venues:binance:{setting} must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PlacementQueuedBehindAnotherPastTheLimit_FailsAsNotSentWithoutReachingTheVenue()
    {
        var client = Client(TimeSpan.FromSeconds(10));
        var first = client.SendAsync(Placement, default);
        await _venue.Arrived.WaitAsync(TimeSpan.FromSeconds(10)); // the first placement is at the venue, holding the queue

        var second = client.SendAsync(Placement, default);
        _time.Advance(TimeSpan.FromSeconds(9.9));
        var stillQueued = !second.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var error = await Assert.ThrowsAsync<RateLimitExceeded>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(stillQueued);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VenueErrorMap.UnknownOutcome, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _venue.Requests);
        _venue.Release();
        Assert.Equal(HttpStatusCode.OK, (await first.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Placement, default).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(2, _venue.Requests);
    }

    [Fact]
    public async Task SendAsync_PlacementQueuedWithinTheLimit_IsSentOnceTheOneAheadFinishes()
    {
        var client = Client(TimeSpan.FromSeconds(10));
        var first = client.SendAsync(Placement, default);
        await _venue.Arrived.WaitAsync(TimeSpan.FromSeconds(10));

        var second = client.SendAsync(Placement, default);
        _time.Advance(TimeSpan.FromSeconds(5));
        _venue.Release();

        Assert.Equal(HttpStatusCode.OK, (await first.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(2, _venue.Requests);
    }

    [Fact]
    public async Task SendAsync_ResponseTypeMissingFromTheVenuesJsonContext_FailsBeforeTheRequestLeaves()
    {
        var client = Client(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync<Unlisted>(Placement, BinanceMessages.Json, default));

        Assert.Contains(nameof(Unlisted), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _venue.Requests);
    }

    /// <summary>A response type no venue's JSON context lists.</summary>
    private sealed record Unlisted(string Id);

    /// <summary>The venue: answers 200 <c>{}</c>, but holds every request until <see cref="Release"/>.</summary>
    private sealed class HeldHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public Task Arrived => _arrived.Task;

        public int Requests => Volatile.Read(ref _requests);

        public void Release() => _released.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            _arrived.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

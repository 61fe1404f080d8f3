using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>
/// A fake venue's surroundings: its Kestrel server, a fake clock, captured logs, the adapter's configuration
/// (<c>Venues:&lt;venue&gt;:…</c>, base URL pointing at the server) and the adapter itself, built the way production
/// builds it (options from configuration, named HTTP client, plumbing) on first use.
/// </summary>
internal sealed class VenueHost(string venue, FakeVenueServer server, FakeTimeProvider time, VenueHttpSettings http) : IAsyncDisposable
{
    private ServiceProvider? _services;

    /// <summary>No local throttling and no retries, so tests see exactly one HTTP request per call.</summary>
    public static VenueHttpSettings Unthrottled { get; } = new()
    {
        RateLimit = new RateLimitPolicy { Capacity = 100_000, Window = TimeSpan.FromSeconds(1) },
        MaxRetries = 0,
    };

    public FakeVenueServer Server => server;

    public FakeTimeProvider Time => time;

    public CapturedLogs Logs { get; } = new();

    /// <summary>Settings under <c>Venues:&lt;venue&gt;</c> (key → value); change them before the adapter is first used.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase) { ["BaseUrl"] = server.BaseUrl.ToString() };

    public static async Task<VenueHost> StartAsync(string venue, DateTimeOffset now, VenueHttpSettings? http) =>
        new(venue, await FakeVenueServer.StartAsync(), new FakeTimeProvider(now), http ?? Unthrottled);

    /// <summary>The adapter, registered by <c>AddVenue</c> with <paramref name="bind"/> binding its options (as <c>AddExchanges</c> does).</summary>
    public TExchange Exchange<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TExchange, TOptions>(
        Action<OptionsBuilder<TOptions>, IConfiguration> bind)
        where TExchange : class, IExchange
        where TOptions : VenueOptions, new()
    {
        if (_services is null)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(Settings.Select(s => KeyValuePair.Create($"Venues:{venue}:{s.Key}", s.Value)))
                .Build();
            var services = new ServiceCollection();
            services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            services.AddSingleton<TimeProvider>(time);
            services.AddVenue<TExchange, TOptions>(venue, configuration, http, bind);
            _services = services.BuildServiceProvider();
        }

        return (TExchange)_services.GetRequiredKeyedService<IExchange>(venue);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await server.DisposeAsync();
    }
}

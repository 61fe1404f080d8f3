using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>Builds a venue adapter the way production does (options from configuration, named HTTP client, plumbing).</summary>
internal static class VenueHost
{
    /// <summary>No local throttling and no retries, so tests see exactly one HTTP request per call.</summary>
    public static VenueHttpSettings Unthrottled { get; } = new()
    {
        RateLimit = new RateLimitPolicy { Capacity = 100_000, Window = TimeSpan.FromSeconds(1) },
        MaxRetries = 0,
    };

    public static ServiceProvider Build<TExchange, TOptions>(string venue, IReadOnlyDictionary<string, string?> settings, TimeProvider time,
        CapturedLogs logs, VenueHttpSettings http)
        where TExchange : class, IExchange
        where TOptions : VenueOptions, new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton(time);
        services.AddVenue<TExchange, TOptions>(venue, configuration, http);
        return services.BuildServiceProvider();
    }
}

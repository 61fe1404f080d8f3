using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Robinhood;

namespace TradingBot.Exchanges;

/// <summary>
/// Registers the venue adapters: one keyed <see cref="IExchange"/> singleton per venue id, resolved through
/// <see cref="VenueRegistry"/>, each with options bound from <c>Venues:&lt;Venue&gt;</c> and a named HTTP client
/// (secret-safe logging, standard resilience for idempotent requests only, the venue's rate limiter).
/// </summary>
public static class ExchangeServiceCollectionExtensions
{
    /// <summary>Every HTTP venue adapter of this build, configured from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddExchanges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVenue<BinanceExchange, BinanceOptions>(VenueIds.Binance, configuration, BinanceExchange.HttpSettings,
            static (options, section) => options.Bind(section));
        services.AddVenue<CoinbaseExchange, CoinbaseOptions>(VenueIds.Coinbase, configuration, CoinbaseExchange.HttpSettings,
            static (options, section) => options.Bind(section));
        services.AddVenue<RobinhoodExchange, RobinhoodOptions>(VenueIds.Robinhood, configuration, RobinhoodExchange.HttpSettings,
            static (options, section) => options.Bind(section));
        return services;
    }

    /// <summary>
    /// Registers an HTTP venue adapter under <paramref name="venue"/>: <typeparamref name="TOptions"/> bound from
    /// <c>Venues:&lt;venue&gt;</c> by <paramref name="bind"/>, the named HTTP client, and <typeparamref name="TExchange"/> as
    /// the keyed <see cref="IExchange"/> singleton (its constructor receives <see cref="VenueRestClientFactory"/>,
    /// <c>IOptions&lt;TOptions&gt;</c>, <see cref="TimeProvider"/>, loggers... from the container).
    /// </summary>
    /// <param name="bind">
    /// Binds the options builder to the venue's section, written where <typeparamref name="TOptions"/> is a concrete type
    /// (<c>static (options, section) =&gt; options.Bind(section)</c>) so the configuration binding source generator
    /// replaces the reflection binder; it cannot intercept a call on a type parameter.
    /// </param>
    public static IServiceCollection AddVenue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TExchange, TOptions>(
        this IServiceCollection services, string venue, IConfiguration configuration, VenueHttpSettings settings,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind)
        where TExchange : class, IExchange
        where TOptions : VenueOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(bind);
        var section = configuration.GetSection(VenueOptions.SectionFor(venue));
        bind(services.AddOptions<TOptions>(), section);
        var key = VenueOptions.SectionFor(venue);
        services.AddOptions<VenueOptions>(venue).Bind(section)
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{key}:{nameof(VenueOptions.Timeout)} must be positive.")
            .Validate(o => o.PlacementQueueTimeout > TimeSpan.Zero, $"{key}:{nameof(VenueOptions.PlacementQueueTimeout)} must be positive.")
            .ValidateOnStart();
        services.AddVenueHttpClient(venue, settings);
        services.AddKeyedSingleton<IExchange, TExchange>(venue);
        services.AddSingleton(new VenueRegistration(venue));
        return services.AddVenuePlumbing();
    }

    /// <summary>Registers a venue that needs no HTTP client (the paper venue) from a factory.</summary>
    public static IServiceCollection AddVenue(this IServiceCollection services, string venue, Func<IServiceProvider, IExchange> factory)
    {
        services.AddKeyedSingleton(venue, (sp, _) => factory(sp));
        services.AddSingleton(new VenueRegistration(venue));
        return services.AddVenuePlumbing();
    }

    /// <summary>
    /// The named HTTP client of a venue: IHttpClientFactory's URL-printing loggers removed; outermost the standard
    /// resilience handler whose retries apply only to idempotent requests (never to an order POST, never on 429/418);
    /// then <see cref="VenueLoggingHandler"/> (one line per attempt, method and path only); innermost the venue's
    /// <see cref="VenueRateLimitHandler"/>, so every attempt is budgeted and no request leaves while the venue has us banned.
    /// </summary>
    public static IHttpClientBuilder AddVenueHttpClient(this IServiceCollection services, string venue, VenueHttpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddVenuePlumbing();
        services.AddKeyedSingleton(venue, (sp, _) => new VenueRateLimiter(venue, settings.RateLimit, sp.GetRequiredService<TimeProvider>()));
        var builder = services.AddHttpClient(venue)
            .RemoveAllLoggers()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddStandardResilienceHandler().Configure((options, sp) =>
        {
            var attempt = sp.GetRequiredService<IOptionsMonitor<VenueOptions>>().Get(venue).Timeout;
            if (attempt <= TimeSpan.Zero)
            {
                attempt = TimeSpan.FromSeconds(15);
            }

            options.AttemptTimeout.Timeout = attempt;
            options.TotalRequestTimeout.Timeout = (attempt * (settings.MaxRetries + 1)) + (settings.RetryDelay * 8) + TimeSpan.FromSeconds(1);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, (attempt * 2).Ticks + TimeSpan.TicksPerSecond));
            options.Retry.MaxRetryAttempts = Math.Max(settings.MaxRetries, 1);
            options.Retry.Delay = settings.RetryDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = false;
            options.Retry.ShouldHandle = args => ValueTask.FromResult(settings.MaxRetries > 0 && IsRetryable(args.Outcome, args.Context));
        });
        builder.AddHttpMessageHandler(sp => new VenueLoggingHandler(venue, sp.GetRequiredService<ILogger<VenueLoggingHandler>>(), sp.GetRequiredService<TimeProvider>()));
        builder.AddHttpMessageHandler(sp => new VenueRateLimitHandler(sp.GetRequiredKeyedService<VenueRateLimiter>(venue)));
        return builder;
    }

    /// <summary>The shared services every venue needs: <see cref="TimeProvider"/>, <see cref="VenueRegistry"/>, <see cref="VenueRestClientFactory"/>.</summary>
    public static IServiceCollection AddVenuePlumbing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VenueRegistry>();
        services.TryAddSingleton<VenueRestClientFactory>();
        services.AddHttpClient();
        return services;
    }

    /// <summary>Transient (5xx, 408, transport error, attempt timeout) and safe to repeat: a GET/HEAD/OPTIONS not marked NoRetry.</summary>
    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        if (request is null
            || (request.Options.TryGetValue(VenueRequestOptions.NoRetry, out var noRetry) && noRetry)
            || (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options))
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status is 408 or >= 500;
        }

        return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
    }
}

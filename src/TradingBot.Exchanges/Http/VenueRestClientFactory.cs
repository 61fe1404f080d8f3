using Microsoft.Extensions.Options;

namespace TradingBot.Exchanges.Http;

/// <summary>Creates a venue adapter's <see cref="VenueRestClient"/> over the venue's named HTTP client (registered by <c>AddVenue</c>).</summary>
public sealed class VenueRestClientFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<VenueOptions> options, TimeProvider time)
{
    /// <param name="venue">The venue id the HTTP client was registered under (<c>binance</c>, <c>coinbase</c>...).</param>
    /// <param name="baseUrl">Scheme and host (and optional path prefix) requests are sent to.</param>
    /// <param name="errors">The venue's error table.</param>
    public VenueRestClient Create(string venue, Uri baseUrl, VenueErrorMap errors) =>
        new(venue, baseUrl, httpClientFactory, errors, time, options.Get(venue).PlacementQueueTimeout);
}

using Microsoft.Extensions.DependencyInjection;
using TradingBot.Core.Exchange;

namespace TradingBot.Exchanges;

/// <summary>Resolves the <see cref="IExchange"/> registered for a venue id (<c>binance</c>, <c>coinbase</c>, <c>robinhood</c>, <c>paper</c>).</summary>
public sealed class VenueRegistry(IServiceProvider services, IEnumerable<VenueRegistration> registrations)
{
    private readonly string[] _venues = [.. registrations.Select(r => r.Venue).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The venue ids with an adapter in this build, sorted.</summary>
    public IReadOnlyList<string> Venues => _venues;

    public bool Contains(string venue) => _venues.Contains(Normalize(venue), StringComparer.Ordinal);

    /// <summary>The venue's adapter; <see cref="NotSupported"/> when this build has none for it.</summary>
    public IExchange Get(string venue)
    {
        var id = Normalize(venue);
        return Contains(id)
            ? services.GetRequiredKeyedService<IExchange>(id)
            : throw new NotSupported(
                $"The '{id}' venue adapter is not available in this build (available: {(_venues.Length == 0 ? "none" : string.Join(", ", _venues))}).")
            {
                Venue = id,
            };
    }

    private static string Normalize(string venue) => venue.Trim().ToLowerInvariant();
}

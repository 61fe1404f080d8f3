namespace TradingBot.Exchanges.Http;

/// <summary>Per-request settings carried on <see cref="HttpRequestMessage.Options"/> to the handlers of a venue's HTTP client.</summary>
public static class VenueRequestOptions
{
    /// <summary>The request's rate-limit weight (default 1).</summary>
    public static readonly HttpRequestOptionsKey<int> Weight = new("TradingBot.Venue.Weight");

    /// <summary>When true the resilience pipeline never retries the request (order placement).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("TradingBot.Venue.NoRetry");

    /// <summary>A log-safe description of the request (method and path only).</summary>
    public static readonly HttpRequestOptionsKey<string> Description = new("TradingBot.Venue.Description");
}

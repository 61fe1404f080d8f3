namespace TradingBot.Exchanges.Http;

/// <summary>
/// Settings every venue shares, bound from configuration section <c>Venues:&lt;Venue&gt;</c> (environment variables
/// <c>Venues__Binance__ApiKey</c>, user secrets, Key Vault). Venue-specific options derive from this class.
/// A class, not a record, so that no generated <c>ToString</c> can ever print the key or the secret.
/// </summary>
public class VenueOptions
{
    /// <summary>The configuration section that holds one sub-section per venue.</summary>
    public const string Section = "Venues";

    /// <summary>The API key (Binance, Robinhood) or key name (Coinbase). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The secret: HMAC secret or private key (PEM or base64). Never logged.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>Overrides the venue's REST host (a local fake, a proxy). Wins over <see cref="Testnet"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Use the venue's test environment where it has one.</summary>
    public bool Testnet { get; set; }

    /// <summary>Time allowed for one HTTP attempt before it is abandoned (an order POST then has an unknown outcome).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest an order placement waits behind earlier placements on the same client (they are sent one at a time).
    /// When it is exceeded the placement fails as <see cref="Core.Exchange.RateLimitExceeded"/> "not sent": it never
    /// left, so it cannot exist at the venue. Keep this plus <see cref="Timeout"/> below the pipeline's claim grace
    /// (<c>Pipeline:ClaimGrace</c>, 30 s), so a placement is sent or given up before the order counts as stale and the
    /// reconciler may look it up, and later resubmit it, with the same client order id.
    /// </summary>
    public TimeSpan PlacementQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether both <see cref="ApiKey"/> and <see cref="ApiSecret"/> are present.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ApiSecret);

    /// <summary>The configuration path of a venue's section, e.g. <c>Venues:binance</c> (keys are case-insensitive).</summary>
    public static string SectionFor(string venue) => $"{Section}:{venue}";

    /// <summary>A description safe to print: which settings are present, never their values.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(none)" : "(set)")}, BaseUrl = {BaseUrl?.ToString() ?? "(default)"}, Testnet = {Testnet} }}";
}

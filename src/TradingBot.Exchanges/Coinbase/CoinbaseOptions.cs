using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Coinbase;

/// <summary>
/// Coinbase Advanced Trade settings, section <c>Venues:Coinbase</c>: <see cref="VenueOptions.ApiKey"/> is the CDP key
/// name (<c>organizations/{org}/apiKeys/{id}</c>, or the bare key id of newer keys) and <see cref="VenueOptions.ApiSecret"/>
/// the private key (EC P-256 PEM, PKCS#8 Ed25519 PEM, or the base64 Ed25519 secret). Market data works without them.
/// </summary>
public sealed class CoinbaseOptions : VenueOptions
{
    public static readonly Uri ProductionUrl = new("https://api.coinbase.com");

    /// <summary>Coinbase's sandbox: static mocked answers for accounts and orders only (no market data).</summary>
    public static readonly Uri SandboxUrl = new("https://api-sandbox.coinbase.com");

    /// <summary>How far back an order is looked for by its client order id (Coinbase cannot filter by it).</summary>
    public TimeSpan OrderLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Taker fee assumed when the fee tier cannot be read (no API key): Coinbase Advanced's entry tier.</summary>
    public decimal DefaultTakerFee { get; set; } = 0.012m;

    /// <summary>Maker fee assumed when the fee tier cannot be read (no API key): Coinbase Advanced's entry tier.</summary>
    public decimal DefaultMakerFee { get; set; } = 0.006m;

    /// <summary>
    /// The host named in each JWT's <c>uri</c> claim. Default: the host requests go to. Behind a proxy (a
    /// <see cref="VenueOptions.BaseUrl"/> that forwards to Coinbase) set it to <c>api.coinbase.com</c>, the host Coinbase checks.
    /// </summary>
    public string? JwtHost { get; set; }

    /// <summary>The REST host requests go to: <see cref="VenueOptions.BaseUrl"/>, else the sandbox when <see cref="VenueOptions.Testnet"/>, else production.</summary>
    public Uri ResolveBaseUrl() => BaseUrl ?? (Testnet ? SandboxUrl : ProductionUrl);
}

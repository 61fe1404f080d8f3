using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Binance;

/// <summary>
/// Binance spot settings (section <c>Venues:Binance</c>). <see cref="VenueOptions.ApiSecret"/> is either the HMAC
/// secret or the Ed25519 private key as PKCS#8 PEM; the type is detected (PEM = Ed25519) unless <see cref="KeyType"/> says.
/// </summary>
public sealed class BinanceOptions : VenueOptions
{
    public const string ProductionUrl = "https://api.binance.com";
    public const string TestnetUrl = "https://testnet.binance.vision";
    public const string DemoUrl = "https://demo-api.binance.com";

    /// <summary>Use Binance's Demo Trading environment (keys from its demo site).</summary>
    public bool Demo { get; set; }

    /// <summary><c>recvWindow</c> in ms for signed requests (Binance default 5000, max 60000).</summary>
    public int RecvWindow { get; set; } = 5000;

    /// <summary><c>hmac</c> or <c>ed25519</c>; empty = detect (a PEM secret is Ed25519).</summary>
    public string? KeyType { get; set; }

    /// <summary>Production: neither testnet nor demo. Live keys are checked for withdrawal permission before trading.</summary>
    public bool IsLive => !Testnet && !Demo;

    /// <summary>The REST host: <see cref="VenueOptions.BaseUrl"/>, else demo, testnet or production.</summary>
    public Uri ResolveBaseUrl() => BaseUrl ?? new Uri(Demo ? DemoUrl : Testnet ? TestnetUrl : ProductionUrl);
}

using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// Robinhood Crypto Trading API settings, section <c>Venues:Robinhood</c>: <see cref="VenueOptions.ApiKey"/> is the API
/// key issued by the credentials portal (<c>rh-api-…</c>) and <see cref="VenueOptions.ApiSecret"/> the base64 Ed25519
/// private key (32-byte seed) whose public half was registered there. Every endpoint, market data included, is signed.
/// Robinhood has no test environment.
/// </summary>
public sealed class RobinhoodOptions : VenueOptions
{
    public static readonly Uri ProductionUrl = new("https://trading.robinhood.com");

    /// <summary>How far back orders are listed to find one by client order id, and to emulate trades when no start is given.</summary>
    public TimeSpan OrderLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The REST host requests go to: <see cref="VenueOptions.BaseUrl"/>, else production.</summary>
    public Uri ResolveBaseUrl() => BaseUrl ?? ProductionUrl;
}

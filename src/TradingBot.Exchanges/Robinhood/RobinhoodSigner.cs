using System.Globalization;
using System.Text;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// Robinhood Crypto Trading API request signing (exchanges.md §3.2): <c>x-signature</c> = base64(Ed25519(private key,
/// UTF-8 of api key + timestamp + path with query + method + body))</c>, with <c>x-api-key</c> and <c>x-timestamp</c>
/// (Unix seconds). The private key is the base64 32-byte seed (a 64-byte seed||public secret is accepted too).
/// </summary>
internal sealed class RobinhoodSigner
{
    public const string ApiKeyHeader = "x-api-key";
    public const string SignatureHeader = "x-signature";
    public const string TimestampHeader = "x-timestamp";

    private readonly Ed25519Key _key;

    private RobinhoodSigner(string apiKey, Ed25519Key key)
    {
        ApiKey = apiKey;
        _key = key;
    }

    public string ApiKey { get; }

    /// <summary>The base64 public key, as registered in Robinhood's API credentials portal (for diagnostics).</summary>
    public string PublicKey => Convert.ToBase64String(_key.PublicKey);

    public static RobinhoodSigner Create(string apiKey, string privateKeyBase64)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new AuthenticationError("Robinhood needs the API key (Venues:Robinhood:ApiKey), e.g. rh-api-….") { Venue = "robinhood" };
        }

        try
        {
            return new RobinhoodSigner(apiKey.Trim(), Ed25519Key.Parse(privateKeyBase64 ?? ""));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new AuthenticationError(
                "The Robinhood private key (Venues:Robinhood:ApiSecret) must be the base64 of the 32-byte Ed25519 seed (or the 64-byte seed and public key).")
            {
                Venue = "robinhood",
            };
        }
    }

    /// <summary>The base64 signature of <c>api key + timestamp + path + method + body</c>.</summary>
    public string Sign(long timestamp, string pathAndQuery, string method, string body)
    {
        var message = Encoding.UTF8.GetBytes(string.Concat(ApiKey, timestamp.ToString(CultureInfo.InvariantCulture), pathAndQuery,
            method.ToUpperInvariant(), body));
        return Convert.ToBase64String(_key.Sign(message));
    }
}

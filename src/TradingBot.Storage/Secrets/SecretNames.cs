using System.Text.RegularExpressions;

namespace TradingBot.Storage.Secrets;

/// <summary>
/// The documented secret names (Key Vault allows letters, digits and '-'):
/// <c>&lt;venue&gt;-api-key</c> (Binance API key, Coinbase CDP key name, Robinhood API key) and
/// <c>&lt;venue&gt;-api-secret</c> (Binance HMAC secret or Ed25519 private key, Coinbase EC private key PEM, Robinhood
/// Ed25519 private key). Locally the same names are read from configuration (<c>Secrets:binance-api-key</c>) or from
/// the environment variable <c>BINANCE_API_KEY</c>.
/// </summary>
public static partial class SecretNames
{
    public static IReadOnlyList<string> Venues { get; } = ["binance", "coinbase", "robinhood"];

    public static string ApiKey(string venue) => Require(venue) + "-api-key";

    public static string ApiSecret(string venue) => Require(venue) + "-api-secret";

    /// <summary>Key Vault secret name rule: 1–127 of <c>[0-9A-Za-z-]</c>.</summary>
    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    /// <summary>The environment-variable spelling of a secret name: <c>binance-api-key</c> → <c>BINANCE_API_KEY</c>.</summary>
    public static string EnvironmentName(string name) => name.ToUpperInvariant().Replace('-', '_');

    private static string Require(string venue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        return venue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            ? venue
            : throw new ArgumentException($"'{venue}' is not a venue id (lower-case letters and digits).", nameof(venue));
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex NamePattern();
}

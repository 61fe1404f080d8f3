using System.Security.Cryptography;
using System.Text;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Binance;

/// <summary>
/// Signs Binance SIGNED requests: the payload is the percent-encoded query/body text exactly as sent; an HMAC key
/// gives lower-case hex HMAC-SHA256, an Ed25519 key gives base64 Ed25519 (percent-encoded, since it is appended to
/// the payload as <c>&amp;signature=…</c>). Holds the secret; <see cref="ToString"/> never shows it.
/// </summary>
public sealed class BinanceSigner
{
    private readonly byte[]? _hmacSecret;
    private readonly Ed25519Key? _ed25519;

    private BinanceSigner(byte[]? hmacSecret, Ed25519Key? ed25519)
    {
        _hmacSecret = hmacSecret;
        _ed25519 = ed25519;
    }

    public bool IsEd25519 => _ed25519 is not null;

    /// <summary>Builds the signer for <paramref name="secret"/>; <paramref name="keyType"/> <c>hmac</c>/<c>ed25519</c> or null to detect.</summary>
    public static BinanceSigner Create(string secret, string? keyType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var type = keyType?.Trim().ToLowerInvariant();
        if (type is "ed25519" || (string.IsNullOrEmpty(type) && Ed25519Key.IsPem(secret)))
        {
            try
            {
                return new BinanceSigner(null, Ed25519Key.Parse(secret));
            }
            catch (FormatException ex)
            {
                throw new AuthenticationError($"binance: the configured ApiSecret is not a usable Ed25519 private key ({ex.Message})") { Venue = VenueIds.Binance };
            }
        }

        return type is null or "" or "hmac"
            ? new BinanceSigner(Encoding.UTF8.GetBytes(secret.Trim()), null)
            : throw new AuthenticationError($"binance: KeyType must be 'hmac' or 'ed25519', not '{keyType}'.") { Venue = VenueIds.Binance };
    }

    /// <summary>The signature to append after <c>signature=</c>, already percent-encoded.</summary>
    public string Sign(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return _ed25519 is { } key
            ? Uri.EscapeDataString(Convert.ToBase64String(key.Sign(bytes)))
            : HmacHex(_hmacSecret!, bytes);
    }

    /// <summary>Lower-case hex HMAC-SHA256 (Binance's documented HMAC signature).</summary>
    public static string HmacHex(byte[] secret, byte[] payload) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, payload));

    public override string ToString() => IsEd25519 ? "BinanceSigner(Ed25519)" : "BinanceSigner(HMAC-SHA256)";
}

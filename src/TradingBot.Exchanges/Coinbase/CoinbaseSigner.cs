using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Coinbase;

/// <summary>
/// Builds the per-request JWT of Coinbase's CDP API keys (exchanges.md §2.2): header
/// <c>{"alg","kid":key name,"nonce":64 random hex,"typ":"JWT"}</c>, claims <c>{"sub":key name,"iss":"cdp","nbf":now,
/// "exp":now+120,"uri":"METHOD host/path"}</c>, compact JWS in base64url without padding. ES256 for EC P-256 keys
/// (signature = raw 64-byte r||s), EdDSA for Ed25519 keys. The key never leaves this object and no message it
/// produces contains key material.
/// </summary>
internal sealed class CoinbaseSigner : IDisposable
{
    public const string Issuer = "cdp";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(120);

    private readonly string _keyName;
    private readonly ECDsa? _ecKey;
    private readonly Ed25519Key? _edKey;
    private readonly TimeProvider _time;

    private CoinbaseSigner(string keyName, ECDsa? ecKey, Ed25519Key? edKey, TimeProvider time)
    {
        _keyName = keyName;
        _ecKey = ecKey;
        _edKey = edKey;
        _time = time;
    }

    /// <summary><c>ES256</c> or <c>EdDSA</c>.</summary>
    public string Algorithm => _ecKey is null ? "EdDSA" : "ES256";

    /// <summary>
    /// Loads a CDP key: <paramref name="privateKey"/> is a PEM (<c>EC PRIVATE KEY</c> SEC1 or <c>PRIVATE KEY</c> PKCS#8,
    /// P-256 or Ed25519; literal <c>\n</c> sequences from environment variables are accepted) or the base64 Ed25519
    /// secret Coinbase shows (32-byte seed or 64-byte seed||public key).
    /// </summary>
    public static CoinbaseSigner Create(string keyName, string privateKey, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(keyName))
        {
            throw new AuthenticationError("Coinbase needs the API key name (Venues:Coinbase:ApiKey), e.g. organizations/{org}/apiKeys/{id}.")
            {
                Venue = "coinbase",
            };
        }

        if (string.IsNullOrWhiteSpace(privateKey))
        {
            throw KeyError("is empty");
        }

        var text = privateKey.Trim().Replace("\\n", "\n", StringComparison.Ordinal);
        return text.Contains("-----BEGIN", StringComparison.Ordinal)
            ? FromPem(keyName.Trim(), text, time)
            : FromEd25519(keyName.Trim(), text, time, "is neither a PEM block nor the base64 of a 32- or 64-byte Ed25519 key");
    }

    /// <summary>A fresh JWT for one request: <paramref name="host"/> without scheme, <paramref name="path"/> without query.</summary>
    public string CreateJwt(string method, string host, string path)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var header = Json(writer =>
        {
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", _keyName);
            writer.WriteString("nonce", RandomNumberGenerator.GetHexString(64, lowercase: true));
            writer.WriteString("typ", "JWT");
        });
        var claims = Json(writer =>
        {
            writer.WriteString("sub", _keyName);
            writer.WriteString("iss", Issuer);
            writer.WriteNumber("nbf", now);
            writer.WriteNumber("exp", now + (long)Lifetime.TotalSeconds);
            writer.WriteString("uri", $"{method.ToUpperInvariant()} {host}{path}");
        });
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        var signature = Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public void Dispose() => _ecKey?.Dispose();

    private byte[] Sign(byte[] data)
    {
        if (_ecKey is not null)
        {
            return _ecKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        return _edKey!.Sign(data);
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static CoinbaseSigner FromPem(string keyName, string pem, TimeProvider time)
    {
        var ecKey = ECDsa.Create();
        try
        {
            ecKey.ImportFromPem(pem);
            if (ecKey.KeySize != 256)
            {
                throw KeyError($"is an EC key on a {ecKey.KeySize}-bit curve; Coinbase keys use P-256 (ES256)");
            }

            return new CoinbaseSigner(keyName, ecKey, edKey: null, time);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            ecKey.Dispose();
        }
        catch
        {
            ecKey.Dispose();
            throw;
        }

        // Not an EC key the BCL reads: a PKCS#8 Ed25519 key ("-----BEGIN PRIVATE KEY-----") is the other documented form.
        return FromEd25519(keyName, pem, time, "is a PEM block that is neither an EC P-256 private key nor a PKCS#8 Ed25519 private key");
    }

    private static CoinbaseSigner FromEd25519(string keyName, string text, TimeProvider time, string problem)
    {
        try
        {
            return new CoinbaseSigner(keyName, ecKey: null, Ed25519Key.Parse(text), time);
        }
        catch (FormatException)
        {
            throw KeyError(problem);
        }
    }

    private static AuthenticationError KeyError(string problem) =>
        new($"The Coinbase private key (Venues:Coinbase:ApiSecret) {problem}.") { Venue = "coinbase" };
}

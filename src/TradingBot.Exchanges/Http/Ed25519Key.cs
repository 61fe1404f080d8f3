using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// An Ed25519 private key for request signing (Binance Ed25519 API keys, Robinhood, Coinbase EdDSA), on
/// BouncyCastle because .NET 10 has no Ed25519. Accepts a PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>) or the
/// base64 32-byte seed (a 64-byte seed‖public key is accepted too; the first 32 bytes are the seed).
/// <see cref="ToString"/> never shows the private key.
/// </summary>
public sealed class Ed25519Key
{
    private readonly Ed25519PrivateKeyParameters _key;

    private Ed25519Key(Ed25519PrivateKeyParameters key) => _key = key;

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey => _key.GeneratePublicKey().GetEncoded();

    /// <summary>True when <paramref name="text"/> looks like PEM (so it is not an HMAC secret).</summary>
    public static bool IsPem(string text) => text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);

    /// <summary>Parses a PEM or base64 seed; throws <see cref="FormatException"/> (without echoing the key) when it is neither.</summary>
    public static Ed25519Key Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return IsPem(text) ? FromPem(text) : FromSeed(Base64(text.Trim()));
    }

    public static Ed25519Key FromSeed(ReadOnlySpan<byte> seed) => seed.Length is 32 or 64
        ? new Ed25519Key(new Ed25519PrivateKeyParameters(seed[..32].ToArray()))
        : throw new FormatException($"An Ed25519 private key seed is 32 bytes (or 64 bytes seed and public key); got {seed.Length} bytes.");

    /// <summary>A new random key (tests and key generation).</summary>
    public static Ed25519Key Generate()
    {
        var seed = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
        return FromSeed(seed);
    }

    /// <summary>The 64-byte Ed25519 signature of <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey.ToArray()));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>The public key as a PEM <c>PUBLIC KEY</c> block (what Binance asks you to register).</summary>
    public string PublicKeyPem()
    {
        var der = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_key.GeneratePublicKey()).GetDerEncoded();
        return $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(der)}\n-----END PUBLIC KEY-----\n";
    }

    /// <summary>The private key as a PKCS#8 PEM <c>PRIVATE KEY</c> block.</summary>
    public string PrivateKeyPem()
    {
        var der = Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(_key).GetDerEncoded();
        return $"-----BEGIN PRIVATE KEY-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings("\n")}\n-----END PRIVATE KEY-----\n";
    }

    public override string ToString() => $"Ed25519Key(public {Convert.ToBase64String(PublicKey)})";

    private static Ed25519Key FromPem(string pem)
    {
        var lines = pem.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault() ?? "";
        if (!header.Contains("PRIVATE KEY", StringComparison.Ordinal) || header.Contains("EC PRIVATE", StringComparison.Ordinal)
            || header.Contains("RSA PRIVATE", StringComparison.Ordinal))
        {
            throw new FormatException("Expected an Ed25519 PKCS#8 PEM (-----BEGIN PRIVATE KEY-----).");
        }

        var der = Base64(string.Concat(lines.Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        try
        {
            return PrivateKeyFactory.CreateKey(der) is Ed25519PrivateKeyParameters key
                ? new Ed25519Key(key)
                : throw new FormatException("The PEM private key is not an Ed25519 key.");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IOException or InvalidOperationException)
        {
            throw new FormatException("The PEM private key could not be read as PKCS#8.", ex);
        }
    }

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The private key is neither PEM nor base64.", ex);
        }
    }
}

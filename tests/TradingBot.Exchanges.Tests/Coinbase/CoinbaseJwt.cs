using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Coinbase;

/// <summary>Test-side JWT reader: splits a compact JWS, decodes header and claims, verifies ES256 or EdDSA.</summary>
internal sealed record CoinbaseJwt(JsonElement Header, JsonElement Claims, byte[] SigningInput, byte[] Signature)
{
    public static CoinbaseJwt Parse(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        foreach (var part in parts)
        {
            Assert.DoesNotContain('=', part);
            Assert.DoesNotContain('+', part);
            Assert.DoesNotContain('/', part);
        }

        return new CoinbaseJwt(
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone(),
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone(),
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            Base64Url.DecodeFromChars(parts[2]));
    }

    public string HeaderValue(string name) => Header.GetProperty(name).GetString()!;

    public string Claim(string name) => Claims.GetProperty(name).ValueKind == JsonValueKind.Number
        ? Claims.GetProperty(name).GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Claims.GetProperty(name).GetString()!;

    public bool VerifiesWith(ECDsa publicKey) =>
        Signature.Length == 64 && publicKey.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool VerifiesWith(byte[] ed25519PublicKey) => Ed25519Key.Verify(ed25519PublicKey, SigningInput, Signature);
}

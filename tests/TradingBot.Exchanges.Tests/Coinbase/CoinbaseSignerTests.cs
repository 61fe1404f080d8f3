using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Coinbase;

public sealed class CoinbaseSignerTests
{
    private const string KeyName = "organizations/4f7c2e1a-0b9d-4a3e-8c6f-1d2e3f4a5b6c/apiKeys/7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void CreateJwt_EcKey_VerifiesWithThePublicKeyAndCarriesTheDocumentedHeaderAndClaims()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = CoinbaseSigner.Create(KeyName, key.ExportECPrivateKeyPem(), _time);

        var jwt = CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/api/v3/brokerage/accounts"));

        Assert.True(jwt.VerifiesWith(key));
        Assert.Equal("ES256", jwt.HeaderValue("alg"));
        Assert.Equal(KeyName, jwt.HeaderValue("kid"));
        Assert.Equal("JWT", jwt.HeaderValue("typ"));
        Assert.Matches("^[0-9a-f]{64}$", jwt.HeaderValue("nonce"));
        Assert.Equal(KeyName, jwt.Claim("sub"));
        Assert.Equal("cdp", jwt.Claim("iss"));
        Assert.Equal("1767225600", jwt.Claim("nbf"));
        Assert.Equal("1767225720", jwt.Claim("exp"));
        Assert.Equal("GET api.coinbase.com/api/v3/brokerage/accounts", jwt.Claim("uri"));
        Assert.Equal(["alg", "kid", "nonce", "typ"], jwt.Header.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["sub", "iss", "nbf", "exp", "uri"], jwt.Claims.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void CreateJwt_Ed25519PkcsEightPem_SignsWithEdDsa()
    {
        var key = Ed25519Key.Generate();
        using var signer = CoinbaseSigner.Create(KeyName, key.PrivateKeyPem(), _time);

        var jwt = CoinbaseJwt.Parse(signer.CreateJwt("POST", "api.coinbase.com", "/api/v3/brokerage/orders"));

        Assert.Equal("EdDSA", jwt.HeaderValue("alg"));
        Assert.True(jwt.VerifiesWith(key.PublicKey));
        Assert.Equal("POST api.coinbase.com/api/v3/brokerage/orders", jwt.Claim("uri"));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void CreateJwt_Ed25519Base64Secret_SignsWithEdDsa(int length)
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = Ed25519Key.FromSeed(seed);
        var secret = Convert.ToBase64String(length == 32 ? seed : [.. seed, .. key.PublicKey]);
        using var signer = CoinbaseSigner.Create(KeyName, secret, _time);

        var jwt = CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/api/v3/brokerage/accounts"));

        Assert.True(jwt.VerifiesWith(key.PublicKey));
    }

    [Fact]
    public void CreateJwt_TwoRequests_UseFreshNoncesAndTheCurrentTime()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = CoinbaseSigner.Create(KeyName, key.ExportECPrivateKeyPem(), _time);

        var first = CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/api/v3/brokerage/accounts"));
        _time.Advance(TimeSpan.FromSeconds(30));
        var second = CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/api/v3/brokerage/accounts"));

        Assert.NotEqual(first.HeaderValue("nonce"), second.HeaderValue("nonce"));
        Assert.Equal("1767225630", second.Claim("nbf"));
    }

    [Fact]
    public void Create_PemWithEscapedNewlinesFromAnEnvironmentVariable_IsAccepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var escaped = key.ExportECPrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal);
        using var signer = CoinbaseSigner.Create(KeyName, escaped, _time);

        Assert.True(CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/x")).VerifiesWith(key));
    }

    [Fact]
    public void Create_PkcsEightEcKey_SignsWithEs256()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = CoinbaseSigner.Create(KeyName, key.ExportPkcs8PrivateKeyPem(), _time);

        Assert.Equal("ES256", signer.Algorithm);
        Assert.True(CoinbaseJwt.Parse(signer.CreateJwt("GET", "api.coinbase.com", "/x")).VerifiesWith(key));
    }

    [Fact]
    public void Create_EcKeyOnAnotherCurve_IsRefusedWithoutEchoingTheKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var pem = key.ExportECPrivateKeyPem();

        var error = Assert.Throws<AuthenticationError>(() => CoinbaseSigner.Create(KeyName, pem, _time));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PemBody(pem), error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----")]
    [InlineData("this-is-not-a-key")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Create_UnusablePrivateKey_ThrowsAuthenticationErrorNamingTheSetting(string privateKey)
    {
        var error = Assert.Throws<AuthenticationError>(() => CoinbaseSigner.Create(KeyName, privateKey, _time));

        Assert.Contains("Venues:Coinbase:ApiSecret", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Create_MissingKeyName_ThrowsAuthenticationErrorNamingTheSetting()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<AuthenticationError>(() => CoinbaseSigner.Create(" ", key.ExportECPrivateKeyPem(), _time));

        Assert.Contains("Venues:Coinbase:ApiKey", error.Message, StringComparison.Ordinal);
    }

    private static string PemBody(string pem) =>
        string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)));
}

using System.Text;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Binance;

public sealed class BinanceSignerTests
{
    // Binance's documented HMAC example (rest-api.md, SIGNED endpoint examples); not a real credential.
    private const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string DocPayload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    [Fact]
    public void Sign_DocumentedHmacExample_ReproducesTheDocumentedSignature()
    {
        var signer = BinanceSigner.Create(DocSecret);

        var signature = signer.Sign(DocPayload);

        Assert.False(signer.IsEd25519);
        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signature);
    }

    [Fact]
    public void VenueQuery_DocumentedParameters_BuildTheDocumentedPayload()
    {
        var query = new VenueQuery().Add("symbol", "LTCBTC").Add("side", "BUY").Add("type", "LIMIT").Add("timeInForce", "GTC")
            .Add("quantity", "1").Add("price", "0.1").Add("recvWindow", "5000").Add("timestamp", "1499827319559");

        Assert.Equal(DocPayload, query.ToString());
    }

    [Fact]
    public void VenueQuery_NonAsciiValue_PercentEncodedAsUtf8BeforeSigning()
    {
        var query = new VenueQuery().Add("symbol", "１２３４５６").Add("note", "a b&c=d");

        Assert.Equal("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&note=a%20b%26c%3Dd", query.ToString());
    }

    [Fact]
    public void Sign_Ed25519Pem_Base64SignatureThatVerifiesAndIsPercentEncoded()
    {
        var key = Ed25519Key.Generate();
        var signer = BinanceSigner.Create(key.PrivateKeyPem());

        var encoded = signer.Sign(DocPayload);

        Assert.True(signer.IsEd25519);
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
        Assert.EndsWith("%3D%3D", encoded, StringComparison.Ordinal);
        var signature = Convert.FromBase64String(Uri.UnescapeDataString(encoded));
        Assert.Equal(64, signature.Length);
        Assert.True(Ed25519Key.Verify(key.PublicKey, Encoding.UTF8.GetBytes(DocPayload), signature));
    }

    [Fact]
    public void Create_ExplicitEd25519TypeWithGarbage_AuthenticationErrorWithoutTheSecret()
    {
        var error = Assert.Throws<AuthenticationError>(() => BinanceSigner.Create("not-a-key-Secret123", "ed25519"));

        Assert.DoesNotContain("not-a-key-Secret123", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        Assert.Equal("BinanceSigner(HMAC-SHA256)", BinanceSigner.Create(DocSecret).ToString());
    }

    [Theory]
    [InlineData("bot1d0c")]
    [InlineData("11299b2b-61e3-43e7-b9f7-dee77210bb29")]
    [InlineData("b1-ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("a.b:c/d_e-f")]
    public void ClientOrderId_AlreadyValid_SentUnchanged(string id)
    {
        Assert.Equal(id, BinanceMapper.ClientOrderId(id));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("0123456789012345678901234567890123456")]
    [InlineData("é")]
    public void ClientOrderId_NotBinanceSafe_DeterministicHashWithinRules(string id)
    {
        var wire = BinanceMapper.ClientOrderId(id);

        Assert.Matches("^tb-[0-9a-f]{32}$", wire);
        Assert.Equal(wire, BinanceMapper.ClientOrderId(id));
        Assert.Equal(wire, BinanceMapper.ClientOrderId(wire));
    }
}

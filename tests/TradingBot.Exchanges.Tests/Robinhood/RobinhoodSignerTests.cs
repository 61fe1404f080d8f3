using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Robinhood;

namespace TradingBot.Exchanges.Tests.Robinhood;

public sealed class RobinhoodSignerTests
{
    // The documentation's example credentials (exchanges.md Appendix A) — published test values, not a real key.
    private const string DocApiKey = "rh-api-6148effc-c0b1-486c-8940-a1d099456be6";
    private const string DocPrivateKey = "xQnTJVeQLmw1/Mg2YimEViSpw/SdJcgNXZ5kQkAXNPU=";
    private const string DocPublicKey = "jPItx4TLjcnSUnmnXQQyAKL4eJj3+oWNNMmmm2vATqk=";

    // The docs sign the Python repr of the body dict (single quotes), which is what reproduces their signature.
    private const string DocBody =
        "{'client_order_id': '131de903-5a9c-4260-abc1-28d562a5dcf0', 'side': 'buy', 'symbol': 'BTC-USD', 'type': 'market', "
        + "'market_order_config': {'asset_quantity': '0.1'}}";

    [Fact]
    public void Sign_DocumentedExample_ReproducesThePublishedSignatureByteForByte()
    {
        var signer = RobinhoodSigner.Create(DocApiKey, DocPrivateKey);

        var signature = signer.Sign(1698708981, "/api/v1/crypto/trading/orders/", "POST", DocBody);

        Assert.Equal("q/nEtxp/P2Or3hph3KejBqnw5o9qeuQ+hYRnB56FaHbjDsNUY9KhB1asMxohDnzdVFSD7StaTqjSd9U9HvaRAw==", signature);
    }

    [Fact]
    public void Create_DocumentedSeed_DerivesTheDocumentedPublicKey()
    {
        Assert.Equal(DocPublicKey, RobinhoodSigner.Create(DocApiKey, DocPrivateKey).PublicKey);
    }

    [Fact]
    public void Create_SixtyFourByteSecret_UsesTheSeedHalf()
    {
        var secret = Convert.ToBase64String([.. Convert.FromBase64String(DocPrivateKey), .. Convert.FromBase64String(DocPublicKey)]);

        var signature = RobinhoodSigner.Create(DocApiKey, secret).Sign(1698708981, "/api/v1/crypto/trading/orders/", "POST", DocBody);

        Assert.Equal("q/nEtxp/P2Or3hph3KejBqnw5o9qeuQ+hYRnB56FaHbjDsNUY9KhB1asMxohDnzdVFSD7StaTqjSd9U9HvaRAw==", signature);
    }

    [Fact]
    public void Sign_GetWithQuery_CoversKeyTimestampPathWithQueryAndMethod()
    {
        var signer = RobinhoodSigner.Create(DocApiKey, DocPrivateKey);
        const string path = "/api/v1/crypto/marketdata/best_bid_ask/?symbol=BTC-USD&symbol=ETH-USD";

        var signature = signer.Sign(1767225600, path, "GET", "");

        var message = System.Text.Encoding.UTF8.GetBytes(DocApiKey + "1767225600" + path + "GET");
        Assert.True(Ed25519Key.Verify(Convert.FromBase64String(DocPublicKey), message, Convert.FromBase64String(signature)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    public void Create_MalformedPrivateKey_ThrowsAuthenticationErrorWithoutTheKey(string privateKey)
    {
        var error = Assert.Throws<AuthenticationError>(() => RobinhoodSigner.Create(DocApiKey, privateKey));

        Assert.Contains("Venues:Robinhood:ApiSecret", error.Message, StringComparison.Ordinal);
        if (privateKey.Length > 0)
        {
            Assert.DoesNotContain(privateKey, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_MissingApiKey_ThrowsAuthenticationError()
    {
        Assert.Throws<AuthenticationError>(() => RobinhoodSigner.Create(" ", DocPrivateKey));
    }
}

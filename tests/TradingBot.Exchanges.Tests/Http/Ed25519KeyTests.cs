using System.Text;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Http;

public sealed class Ed25519KeyTests
{
    [Fact]
    public void Sign_Rfc8032TestVector1_MatchesTheRfc()
    {
        var key = Ed25519Key.FromSeed(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        var signature = key.Sign([]);

        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(key.PublicKey));
        Assert.Equal("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(signature));
    }

    [Fact]
    public void Sign_RobinhoodDocumentedExample_ReproducesTheDocumentedSignature()
    {
        var key = Ed25519Key.Parse("xQnTJVeQLmw1/Mg2YimEViSpw/SdJcgNXZ5kQkAXNPU=");
        var message = "rh-api-6148effc-c0b1-486c-8940-a1d099456be6" + "1698708981" + "/api/v1/crypto/trading/orders/" + "POST"
            + "{'client_order_id': '131de903-5a9c-4260-abc1-28d562a5dcf0', 'side': 'buy', 'symbol': 'BTC-USD', 'type': 'market', 'market_order_config': {'asset_quantity': '0.1'}}";

        var signature = Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(message)));

        Assert.Equal("jPItx4TLjcnSUnmnXQQyAKL4eJj3+oWNNMmmm2vATqk=", Convert.ToBase64String(key.PublicKey));
        Assert.Equal("q/nEtxp/P2Or3hph3KejBqnw5o9qeuQ+hYRnB56FaHbjDsNUY9KhB1asMxohDnzdVFSD7StaTqjSd9U9HvaRAw==", signature);
    }

    [Fact]
    public void Parse_PemRoundTrip_SameKey()
    {
        var key = Ed25519Key.Generate();

        var parsed = Ed25519Key.Parse(key.PrivateKeyPem());

        Assert.Equal(key.PublicKey, parsed.PublicKey);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.PublicKeyPem(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----")]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    public void Parse_NotAnEd25519Key_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => Ed25519Key.Parse(text));
    }
}

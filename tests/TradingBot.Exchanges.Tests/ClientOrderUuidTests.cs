namespace TradingBot.Exchanges.Tests;

public sealed class ClientOrderUuidTests
{
    [Theory]
    [InlineData("sig-7f3a:BTC/USD:buy", "4320e41e-ad6c-53ba-ad77-c642808591d2")]
    [InlineData("bot7f3a9c21e4d84b0c9a1e55d2c0f1a2b3", "a51787b3-7541-5390-84da-8c44219bcd48")]
    [InlineData("ordre-é", "3c02fad7-3fe9-51fd-9f60-0efdcdbac3fe")]
    public void From_NonUuidId_IsTheRfc9562Version5UuidInTheTradingBotNamespace(string clientOrderId, string expected)
    {
        Assert.Equal(expected, ClientOrderUuid.From(clientOrderId));
    }

    [Fact]
    public void From_SameIdTwice_GivesTheSameUuid()
    {
        Assert.Equal(ClientOrderUuid.From("signal-42"), ClientOrderUuid.From("signal-42"));
        Assert.NotEqual(ClientOrderUuid.From("signal-42"), ClientOrderUuid.From("signal-43"));
    }

    [Theory]
    [InlineData("0F5C8F0E-3A1B-4C44-9A55-6F0D2E1C7B90", "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90")]
    [InlineData("0f5c8f0e3a1b4c449a556f0d2e1c7b90", "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90")]
    public void From_IdThatIsAlreadyAUuid_KeepsItInDashedLowerCase(string clientOrderId, string expected)
    {
        Assert.Equal(expected, ClientOrderUuid.From(clientOrderId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void From_BlankId_Throws(string clientOrderId)
    {
        Assert.ThrowsAny<ArgumentException>(() => ClientOrderUuid.From(clientOrderId));
    }
}

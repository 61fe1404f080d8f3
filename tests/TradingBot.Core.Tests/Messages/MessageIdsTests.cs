using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;

namespace TradingBot.Core.Tests.Messages;

public sealed class MessageIdsTests
{
    [Fact]
    public void Signal_SameCause_SameId()
    {
        Assert.Equal(MessageIds.Signal("candle:x", "s1"), MessageIds.Signal("candle:x", "s1"));
        Assert.NotEqual(MessageIds.Signal("candle:x", "s1"), MessageIds.Signal("candle:x", "s2"));
    }

    [Fact]
    public void Derive_PartsAreSeparated_NoAmbiguousConcatenation()
    {
        Assert.NotEqual(MessageIds.Derive("x", "ab", "c"), MessageIds.Derive("x", "a", "bc"));
    }

    [Fact]
    public void Order_Legs_HaveDistinctIds()
    {
        Assert.NotEqual(MessageIds.Order("sig-1"), MessageIds.Order("sig-1", 1));
        Assert.Equal(MessageIds.Order("sig-1", 0), MessageIds.Order("sig-1"));
    }

    [Fact]
    public void OrderUpdate_SameFilledWithDifferentScale_SameId()
    {
        Assert.Equal(MessageIds.OrderUpdate("o", "Filled", 0.50m), MessageIds.OrderUpdate("o", "Filled", 0.5m));
    }

    [Fact]
    public void Candle_IsReadableAndKeySafe()
    {
        var id = MessageIds.Candle("binance", Symbol.Parse("ETH/USDT"), Timeframe.OneHour, new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal("candle:binance:ETH-USDT:1h:20260301T030000Z", id);
        Assert.DoesNotContain('/', id);
    }

    [Theory]
    [InlineData("binance")]
    [InlineData("paper")]
    public void ClientOrderId_BinanceStyle_FitsTheVenueAlphabetAndLength(string venue)
    {
        var id = ClientOrderIds.For(venue, MessageIds.Order("sig-1"));

        Assert.Matches("^[.A-Z:/a-z0-9_-]{1,36}$", id);
        Assert.Equal(id, ClientOrderIds.For(venue, MessageIds.Order("sig-1")));
    }

    [Theory]
    [InlineData("coinbase")]
    [InlineData("robinhood")]
    public void ClientOrderId_UuidVenues_IsAVersion8Uuid(string venue)
    {
        var id = ClientOrderIds.For(venue, MessageIds.Order("sig-1"));

        Assert.True(Guid.TryParse(id, out _));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.NotEqual(id, ClientOrderIds.For(venue, MessageIds.Order("sig-2")));
    }
}

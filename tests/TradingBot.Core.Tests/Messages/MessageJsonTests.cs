using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Tests.Messages;

public sealed class MessageJsonTests
{
    private static readonly CandleClosed Candle = CandleClosed.For("binance", Symbol.Parse("BTC/USDT"), Timeframe.OneMinute,
        new Candle(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), 97000.1m, 97010m, 96990.5m, 97005.25m, 12.5m));

    [Fact]
    public void Serialize_CandleClosed_WritesDecimalsAsStringsAndUtcTimestamps()
    {
        var json = MessageJson.Serialize(Candle);

        Assert.Contains("\"open\":\"97000.1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"at\":\"2026-01-10T12:01:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"openTime\":\"2026-01-10T12:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"symbol\":\"BTC/USDT\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeframe\":\"1m\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schema\":\"tradingbot.candle-closed.v1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"candle:binance:BTC-USDT:1m:20260110T120000Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RoundTrip_ReproducesTheMessage()
    {
        var back = MessageJson.Deserialize<CandleClosed>(MessageJson.Serialize(Candle));

        Assert.Equal(Candle, back);
    }

    [Fact]
    public void Deserialize_PriceAsJsonNumber_IsRejectedNamingTheField()
    {
        var json = MessageJson.Serialize(Candle).Replace("\"open\":\"97000.1\"", "\"open\":97000.1", StringComparison.Ordinal);

        var error = Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<CandleClosed>(json));

        Assert.Contains("open", error.Message, StringComparison.Ordinal);
        Assert.Contains("JSON string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WrongSchema_IsRejected()
    {
        var error = Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<SignalRaised>(MessageJson.Serialize(Candle)));

        Assert.Contains("tradingbot.signal-raised.v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingField_IsRejected()
    {
        var json = MessageJson.Serialize(Candle).Replace("\"close\":\"97005.25\",", "", StringComparison.Ordinal);

        Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<CandleClosed>(json));
    }

    [Fact]
    public void Deserialize_TimestampWithoutOffset_IsRejected()
    {
        var json = MessageJson.Serialize(Candle).Replace("\"at\":\"2026-01-10T12:01:00Z\"", "\"at\":\"2026-01-10T12:01:00\"", StringComparison.Ordinal);

        var error = Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<CandleClosed>(json));

        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_TamperedId_IsRejectedBecauseIdsDeriveFromTheirCause()
    {
        var json = MessageJson.Serialize(Candle).Replace("20260110T120000Z\"", "20260110T120100Z\"", StringComparison.Ordinal);

        var error = Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<CandleClosed>(json));

        Assert.Contains("id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvalidCandle_IsRejectedWithTheReason()
    {
        var json = MessageJson.Serialize(Candle).Replace("\"high\":\"97010\"", "\"high\":\"1\"", StringComparison.Ordinal);

        var error = Assert.Throws<MessageFormatException>(() => MessageJson.Deserialize<CandleClosed>(json));

        Assert.Contains("candle:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_CandleToSignalToOrder_KeepsCorrelationAndDerivesIds()
    {
        var signal = SignalRaised.For(Candle, "btc-trend", "sma-cross", StrategySignal.Long("cross"));
        var order = OrderApproved.For(signal, OrderSide.Buy, 0.01m, Candle.At);

        Assert.Equal(Candle.Id, signal.CausationId);
        Assert.Equal(Candle.Id, signal.CorrelationId);
        Assert.Equal(signal.Id, order.CausationId);
        Assert.Equal(Candle.Id, order.CorrelationId);
        Assert.Equal(MessageIds.Order(signal.Id), order.Id);
        Assert.Equal(order, MessageJson.Deserialize<OrderApproved>(MessageJson.Serialize(order)));
        Assert.Equal(signal, MessageJson.Deserialize<SignalRaised>(MessageJson.Serialize(signal)));
    }

    [Fact]
    public void SerializeMany_RoundTrip_KeepsEveryMessage()
    {
        var signals = new[]
        {
            SignalRaised.For(Candle, "a", "sma-cross", StrategySignal.Long("x")),
            SignalRaised.For(Candle, "b", "breakout", StrategySignal.Flat("y")),
        };

        var back = MessageJson.DeserializeMany<SignalRaised>(MessageJson.SerializeMany(signals));

        Assert.Equal(signals, back);
    }
}

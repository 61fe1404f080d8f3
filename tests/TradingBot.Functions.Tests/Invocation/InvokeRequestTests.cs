using System.Text.Json;
using TradingBot.Functions.Invocation;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Invocation;

/// <summary>Decoding exactly what the host sends (functions-custom-handler.md §1.3, fixtures from <see cref="HostPayloads"/>).</summary>
public sealed class InvokeRequestTests
{
    private static InvokeRequest Parse(string payload) => InvokeRequest.Parse(JsonDocument.Parse(payload).RootElement);

    [Fact]
    public void Text_ServiceBusBody_IsDecodedFromTheDoubleEncodedString()
    {
        const string body = "{\"id\":\"x\",\"price\":\"97000.1\",\"note\":\"a \\\"quoted\\\" + ü\"}";
        var payload = HostPayloads.ServiceBus("ApplyRisk", "signal", body, deliveryCount: 3, messageId: "abc");

        var request = Parse(payload);

        Assert.Contains("\"signal\":\"\\\"{\\\\\\\"id\\\\\\\"", payload, StringComparison.Ordinal);
        Assert.Equal(body, request.Text("signal"));
        Assert.Equal(3, request.DeliveryCount);
        Assert.Equal("abc", request.MetadataText("MessageId"));
        Assert.Equal("\"x\"", request.Metadata["id"].GetString());
    }

    [Fact]
    public void MetadataTime_SecondPrecisionWithoutOffset_IsReadAsUtc()
    {
        var request = Parse(HostPayloads.ServiceBus("f", "m", "{}", enqueued: new DateTimeOffset(2026, 1, 10, 12, 1, 2, 345, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 1, 10, 12, 1, 2, TimeSpan.Zero), request.MetadataTime("EnqueuedTimeUtc"));
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 12, 1, 2, TimeSpan.Zero), request.MetadataTime("EnqueuedTime"));
    }

    [Fact]
    public void Timer_TimerInfoObject_IsRead()
    {
        var request = Parse(HostPayloads.Timer("IngestMarketData", isPastDue: true, last: new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero),
            next: new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero)));

        Assert.Equal(new TimerInfo(true, new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero)),
            request.Timer("timer"));
        Assert.Null(request.DeliveryCount);
    }

    [Fact]
    public void Timer_WithoutScheduleStatus_HasNoLastOrNext()
    {
        var timer = Parse(HostPayloads.Timer("IngestMarketData")).Timer("timer");

        Assert.Equal(new TimerInfo(false, null, null), timer);
    }

    [Theory]
    [InlineData("{\"Data\":{\"m\":{\"a\":1}},\"Metadata\":{}}", "{\"a\":1}")]
    [InlineData("{\"Data\":{\"m\":\"plain text\"},\"Metadata\":{}}", "plain text")]
    [InlineData("{\"Data\":{\"m\":\"\\\"hello\\\"\"},\"Metadata\":{}}", "hello")]
    [InlineData("{\"Data\":{\"m\":null},\"Metadata\":{}}", null)]
    [InlineData("{\"data\":{\"m\":\"x\"}}", "x")]
    public void Text_ObjectsPlainStringsEncodedStringsAndNulls(string payload, string? expected) =>
        Assert.Equal(expected, Parse(payload).Text("m"));

    [Fact]
    public void Parse_NotAnObject_IsAFormatError() => Assert.Throws<FormatException>(() => Parse("[1]"));

    [Fact]
    public void Result_OutputsAreArraysOfObjectsAndBindingNamesAreKept()
    {
        var candle = Scenario.Closed(Scenario.CrossUp()[0]);

        var json = new InvokeResult().WithMessages("candlesOut", [candle]).Log("done").ToJson();

        using var document = JsonDocument.Parse(json);
        var output = document.RootElement.GetProperty("Outputs").GetProperty("candlesOut");
        Assert.Equal(JsonValueKind.Array, output.ValueKind);
        Assert.All(output.EnumerateArray(), e => Assert.Equal(JsonValueKind.Object, e.ValueKind));
        Assert.Equal("done", document.RootElement.GetProperty("Logs")[0].GetString());
    }
}

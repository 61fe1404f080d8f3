using System.Text;
using System.Text.Json;
using TradingBot.DevHost.Protocol;
using TradingBot.DevHost.ServiceBus;
using TradingBot.Functions.Invocation;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Protocol;

/// <summary>The invocation bodies byte for byte as functions-custom-handler.md §1.3 describes the host's, and as the handler reads them.</summary>
public sealed class InvocationPayloadsTests
{
    private static readonly DateTimeOffset Enqueued = new(2026, 1, 10, 12, 1, 0, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset UtcNow = new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero).AddTicks(123456);
    private static readonly Guid Lock = Guid.Parse("5f0c6a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    private static readonly Guid Rand = Guid.Parse("3b7f0000-0000-4000-8000-000000000001");

    private static readonly ReceivedMessage Ticker = new("market-data", "strategies", 42, "7d1e0c",
        Encoding.UTF8.GetBytes("""{"symbol":"BTCUSDT","px":"97000.1","depth":{"bids":2},"levels":[1,2],"n":5}"""))
    {
        DeliveryCount = 1,
        EnqueuedTime = Enqueued,
        ExpiresAt = Enqueued.AddDays(14),
        LockToken = Lock,
        ContentType = "application/json",
        CorrelationId = "run-2026-01-10T12:01Z",
        Subject = "ticker",
        ApplicationProperties = new Dictionary<string, object> { ["source"] = "binance", ["schema"] = 1L },
    };

    [Fact]
    public void ServiceBus_Payload_IsByteForByteTheHostsShape()
    {
        var payload = InvocationPayloads.ServiceBus("StrategyOnTicker", "msg", binary: false, Ticker, UtcNow, Rand);

        const string expected = """{"Data":{"msg":"\"{\\\"symbol\\\":\\\"BTCUSDT\\\",\\\"px\\\":\\\"97000.1\\\",\\\"depth\\\":{\\\"bids\\\":2},\\\"levels\\\":[1,2],\\\"n\\\":5}\""},"Metadata":{"DeliveryCount":"1","LockToken":"\"5f0c6a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6\"","ExpiresAtUtc":"2026-01-24T12:01:00","ExpiresAt":"2026-01-24T12:01:00+00:00","EnqueuedTimeUtc":"2026-01-10T12:01:00","EnqueuedTime":"2026-01-10T12:01:00+00:00","MessageId":"\"7d1e0c\"","ContentType":"\"application/json\"","SequenceNumber":"42","Subject":"\"ticker\"","Label":"\"ticker\"","CorrelationId":"\"run-2026-01-10T12:01Z\"","ApplicationProperties":{"source":"binance","schema":1},"UserProperties":{"source":"binance","schema":1},"symbol":"\"BTCUSDT\"","px":"\"97000.1\"","depth":{"bids":2},"levels":"[1,2]","n":"5","MessageReceiver":{"FullyQualifiedNamespace":"devhost.servicebus.local","EntityPath":"market-data/Subscriptions/strategies","ReceiveMode":0,"PrefetchCount":0,"IsClosed":false},"MessageActions":{},"ReceiveActions":{},"Client":{"FullyQualifiedNamespace":"devhost.servicebus.local","IsClosed":false,"TransportType":0},"sys":{"MethodName":"StrategyOnTicker","UtcNow":"2026-01-10T12:01:00.0123456Z","RandGuid":"3b7f0000-0000-4000-8000-000000000001"}}}""";
        Assert.Equal(expected, payload);
    }

    [Fact]
    public void ServiceBus_Payload_LeavesNullPropertiesOut_AndBase64EncodesABinaryBody()
    {
        var bare = new ReceivedMessage("orders", "execution", 7, "m", new byte[] { 0, 1, 2 }) { DeliveryCount = 3, EnqueuedTime = Enqueued, ExpiresAt = DateTimeOffset.MaxValue };

        using var document = JsonDocument.Parse(InvocationPayloads.ServiceBus("ExecuteOrders", "order", binary: true, bare, UtcNow, Rand));

        Assert.Equal("AAEC", document.RootElement.GetProperty("Data").GetProperty("order").GetString());
        var metadata = document.RootElement.GetProperty("Metadata");
        foreach (var absent in new[] { "ContentType", "CorrelationId", "Subject", "Label", "To", "ReplyTo", "SessionId", "DeadLetterSource", "ExpiresAtUtc" })
        {
            Assert.False(metadata.TryGetProperty(absent, out _), absent);
        }

        Assert.Equal("3", metadata.GetProperty("DeliveryCount").GetString());
    }

    [Fact]
    public void ServiceBus_Payload_IsReadByTheHandlerLikeTheHostFixtures()
    {
        var body = """{"id":"ord-1","qty":"0.01","at":"2026-01-10T12:00:00Z"}""";
        var message = Ticker with { Body = Encoding.UTF8.GetBytes(body), DeliveryCount = 4, MessageId = "m-9", EnqueuedTime = new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero) };

        var ours = Read(InvocationPayloads.ServiceBus("ExecuteOrders", "order", binary: false, message, UtcNow, Rand));
        var fixture = Read(HostPayloads.ServiceBus("ExecuteOrders", "order", body, deliveryCount: 4, messageId: "m-9", enqueued: message.EnqueuedTime));

        Assert.Equal(body, ours.Text("order"));
        Assert.Equal(fixture.Text("order"), ours.Text("order"));
        Assert.Equal(fixture.DeliveryCount, ours.DeliveryCount);
        Assert.Equal(fixture.MetadataText("MessageId"), ours.MetadataText("MessageId"));
        Assert.Equal(fixture.MetadataTime("EnqueuedTimeUtc"), ours.MetadataTime("EnqueuedTimeUtc"));
        Assert.Equal(fixture.MetadataText("qty"), ours.MetadataText("qty"));
    }

    [Fact]
    public void Timer_Payload_IsByteForByteTheHostsShape_AndMatchesTheHostFixture()
    {
        var status = new TimerScheduleStatus(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 10, 12, 0, 0, 456, TimeSpan.Zero));

        var payload = InvocationPayloads.Timer("IngestMarketData", "timer", isPastDue: true, status, UtcNow, Rand);

        const string expected = """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-01-10T12:00:00","Next":"2026-01-10T12:01:00","LastUpdated":"2026-01-10T12:00:00"},"IsPastDue":true}},"Metadata":{"sys":{"MethodName":"IngestMarketData","UtcNow":"2026-01-10T12:01:00.0123456Z","RandGuid":"3b7f0000-0000-4000-8000-000000000001"}}}""";
        Assert.Equal(expected, payload);
        var fixture = HostPayloads.Timer("IngestMarketData", isPastDue: true, last: status.Last, next: status.Next, now: UtcNow);
        Assert.Equal(WithoutRandGuid(fixture), WithoutRandGuid(payload));
        var timer = Read(payload).Timer("timer")!;
        Assert.Equal((true, status.Last, status.Next), (timer.IsPastDue, timer.Last, timer.Next));
    }

    [Fact]
    public void Timer_Payload_WithoutMonitor_HasANullScheduleStatus()
    {
        var payload = InvocationPayloads.Timer("ReconcileOrders", "timer", isPastDue: false, null, UtcNow, Rand);

        Assert.Contains("\"ScheduleStatus\":null,\"IsPastDue\":false", payload, StringComparison.Ordinal);
        Assert.Equal(WithoutRandGuid(HostPayloads.Timer("ReconcileOrders", now: UtcNow)), WithoutRandGuid(payload));
    }

    [Fact]
    public void Http_Payload_CarriesTheRequestObjectAndEncodesQueryAndRouteValuesInMetadata()
    {
        var request = new HttpRequestData("http://127.0.0.1:7071/api/orders/42?dryRun=true", "POST")
        {
            Query = [KeyValuePair.Create("dryRun", "true")],
            Headers = [KeyValuePair.Create("Content-Type", (IReadOnlyList<string>)["application/json"])],
            RouteValues = [KeyValuePair.Create("id", "42")],
            Body = """{"side":"BUY","qty":"0.01"}""",
            AuthLevel = "Function",
        };

        var payload = InvocationPayloads.Http("PlaceOrder", "req", request, UtcNow, Rand);

        const string expected = """{"Data":{"req":{"Url":"http://127.0.0.1:7071/api/orders/42?dryRun=true","Method":"POST","Query":{"dryRun":"true"},"Headers":{"Content-Type":["application/json"]},"Params":{"id":"42"},"Identities":[{"AuthenticationType":"WebJobsAuthLevel","IsAuthenticated":true,"Claims":[{"Type":"http://schemas.microsoft.com/2017/07/functions/claims/authlevel","Value":"Function"}]}],"Body":"{\"side\":\"BUY\",\"qty\":\"0.01\"}"}},"Metadata":{"Query":{"dryRun":"true"},"Headers":{"Content-Type":"application/json"},"dryRun":"\"true\"","id":"\"42\"","side":"\"BUY\"","qty":"\"0.01\"","sys":{"MethodName":"PlaceOrder","UtcNow":"2026-01-10T12:01:00.0123456Z","RandGuid":"3b7f0000-0000-4000-8000-000000000001"}}}""";
        Assert.Equal(expected, payload);
    }

    private static InvokeRequest Read(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return InvokeRequest.Parse(document.RootElement);
    }

    private static string WithoutRandGuid(string payload) =>
        System.Text.RegularExpressions.Regex.Replace(payload, "\"RandGuid\":\"[^\"]+\"", "\"RandGuid\":\"\"");
}

using Microsoft.Extensions.Logging;
using System.Net;
using System.Text.Json;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Poison;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Invocation;

[Collection(AzuriteTests.Name)]
public sealed class InvocationProtocolTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Health_AnswersWithoutStorageOrKey()
    {
        using var response = await _host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invoke_HandledOutcome_Is200JsonWithPascalCaseEnvelope()
    {
        var reply = await _host.TickAsync(nameof(IngestMarketData));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], reply.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, reply.Body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task Invoke_BodyThatIsNotJson_IsRecordedAsPoisonAndAnswered2xx()
    {
        var reply = await _host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, "{not json", deliveryCount: 1);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(reply.Logs, l => l.Contains("poison", StringComparison.Ordinal));
        var poison = Assert.Single(await _host.Service<PoisonStore>().ListAsync(nameof(ExecuteOrders), default));
        Assert.Equal("{not json", poison.Body);
        Assert.Contains("not JSON", poison.Reason, StringComparison.Ordinal);
        Assert.Equal(1, poison.DeliveryCount);
        Assert.Equal(0, _host.Paper.CreateCalls);
    }

    [Fact]
    public async Task Invoke_MessageWithWrongSchema_IsPoisonNamingTheSchema()
    {
        var reply = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, "{\"schema\":\"tradingbot.order-approved.v1\",\"id\":\"x\"}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var poison = Assert.Single(await _host.Service<PoisonStore>().ListAsync(nameof(ApplyRisk), default));
        Assert.Equal("x", poison.MessageId);
        Assert.Contains("tradingbot.signal-raised.v1", poison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StorageDown_IsA503WithAJsonBodySoServiceBusRedelivers()
    {
        var deadStorage = azurite.ConnectionString.Replace($":{azurite.Port}/", ":9/", StringComparison.Ordinal);
        using var host = PipelineHost.Create(azurite, ("TableConnection", deadStorage));

        var handled = await host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, "{not json");
        var timer = await host.TickAsync(nameof(IngestMarketData));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, handled.Status);
        Assert.Contains(handled.Logs, l => l.Contains("could not be recorded", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, timer.Status);
        Assert.Equal("application/json", timer.ContentType);
    }

    [Fact]
    public async Task Invoke_TransientFailure_IsAWarningWithoutTheStackTraceNotAnError()
    {
        var deadStorage = azurite.ConnectionString.Replace($":{azurite.Port}/", ":9/", StringComparison.Ordinal);
        using var host = PipelineHost.Create(azurite, ("TableConnection", deadStorage));

        var timer = await host.TickAsync(nameof(IngestMarketData));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, timer.Status);
        var line = Assert.Single(host.Logs.Lines, l => l.Message.Contains("will be retried", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Level >= LogLevel.Error && l.Message.Contains(nameof(IngestMarketData), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_NotAHostPayload_Is400()
    {
        var reply = await _host.InvokeAsync(nameof(RecordFills), "[1,2,3]");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-ARR-LOG-ID", "abc")]
    [InlineData("DISGUISED-HOST", "func-bot.azurewebsites.net")]
    public async Task Invoke_ForwardedPublicRequest_NeverReachesAFunction(string header, string value)
    {
        var payload = HostPayloads.Timer(nameof(IngestMarketData));

        var reply = await _host.InvokeAsync(nameof(IngestMarketData), payload, r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Invoke_PublicHostName_NeverReachesAFunction()
    {
        var reply = await _host.InvokeAsync(nameof(IngestMarketData), HostPayloads.Timer(nameof(IngestMarketData)), r => r.Headers.Host = "func-bot.azurewebsites.net");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Metrics_WithAnApplicationInsightsConnection_GoToAzureMonitorNotPrometheus()
    {
        using var host = PipelineHost.Create(azurite, ("APPLICATIONINSIGHTS_CONNECTION_STRING",
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"));

        await host.TickAsync(nameof(IngestMarketData));
        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_PrometheusEndpoint_ExposesPipelineMetricsWithoutAppInsights()
    {
        await _host.TickAsync(nameof(IngestMarketData));

        using var response = await _host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tradingbot_stage_latency", text, StringComparison.Ordinal);
    }
}

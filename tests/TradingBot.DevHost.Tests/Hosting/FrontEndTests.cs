using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Http;
using TradingBot.DevHost.ServiceBus;
using TradingBot.DevHost.Tests.ServiceBus;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>
/// The HTTP front (§1.7, §7.7): the local key on everything but /api/health, raw forwarding of the catch-all function,
/// payload mode for other HTTP functions, and the admin endpoints. Real loopback HTTP on both sides.
/// </summary>
public sealed class FrontEndTests : IAsyncLifetime
{
    private const string Key = "local-test-key";
    private readonly HttpClient _http = new();
    private readonly ServiceBusEmulator _broker = new(new ServiceBusTopology(
    [
        new TopicDefinition("orders", [Topologies.Execution(maxDeliveryCount: 1)]),
    ]), TimeProvider.System);

    private FakeHandler _handler = null!;
    private FakeProcess _process = null!;
    private WebApplication _front = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _handler = await FakeHandler.StartAsync();
        _process = new FakeProcess(_handler.Address);
        var app = new FunctionApp("", new HostSettings(new CustomHandlerDescription("dotnet", [], null, null), true, "", null, new ServiceBusHostOptions()),
        [
            new FunctionDefinition("Http",
            [
                ServiceBusListenerTests.Binding("httpTrigger", "in", "req", ("route", "{*path}"), ("authLevel", "anonymous")),
                ServiceBusListenerTests.Binding("http", "out", "res"),
            ]),
            new FunctionDefinition("CancelOrder",
            [
                ServiceBusListenerTests.Binding("httpTrigger", "in", "req", ("route", "orders/{id}/cancel")),
                ServiceBusListenerTests.Binding("http", "out", "res"),
                ServiceBusListenerTests.Binding("serviceBus", "out", "orders", ("topicName", "orders")),
            ]),
        ], []);
        var invoker = new FunctionInvoker(_ => _process.Ready, _http, TimeSpan.FromMinutes(1), new FaultInjector(new FaultOptions()), NullLogger.Instance);
        var port = HandlerProcess.FreePort();
        _front = FrontEnd.Build(new HostComponents(app, _process, invoker, new OutputWriter(_broker), _broker, [], new InvocationStatistics(), new ApiKey(Key),
            TimeProvider.System), port, _ => { });
        await _front.StartAsync();
        _client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _front.StopAsync();
        await _front.DisposeAsync();
        await _handler.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Key_HealthNeedsNone_EverythingElseNeedsTheKeyAsHeaderQueryOrTheSessionCookieItSets()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("api/orders?code=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync("api/health", null)).StatusCode);

        using var header = new HttpRequestMessage(HttpMethod.Get, "api/orders");
        header.Headers.Add("x-functions-key", Key);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(header)).StatusCode);
        var login = await _client.GetAsync($"?code={Key}");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, cookie, StringComparison.Ordinal);
        using var session = new HttpRequestMessage(HttpMethod.Get, "app.js");
        session.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(session)).StatusCode);
        Assert.Equal(["/api/health", "/api/orders", "/?code=" + Key, "/app.js"], _handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Forwarding_TheCatchAllFunction_GetsTheRawRequest_AndItsAnswerGoesBackUnchanged()
    {
        _handler.Answer = _ => Task.FromResult((201, """{"id":"s1"}"""));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/strategies?venue=paper&x=1")
        {
            Content = new StringContent("""{"strategy":"sma-cross"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", Key);
        request.Headers.Add("If-Match", "\"etag-1\"");
        request.Headers.Add("Cookie", "devhost-session=abc; theme=dark");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"id":"s1"}""", await response.Content.ReadAsStringAsync());
        var forwarded = Assert.Single(_handler.Requests);
        Assert.Equal(("POST", "/api/strategies?venue=paper&x=1", """{"strategy":"sma-cross"}"""), (forwarded.Method, forwarded.PathAndQuery, forwarded.Body));
        Assert.Equal("\"etag-1\"", forwarded.Headers["If-Match"]);
        Assert.Equal("theme=dark", forwarded.Headers["Cookie"]);
        Assert.Equal("127.0.0.1", forwarded.Headers["X-Forwarded-For"]);
        Assert.True(Guid.TryParse(forwarded.Headers["X-Azure-Functions-InvocationId"], out _));
        Assert.Equal(FunctionInvoker.HostVersion, forwarded.Headers["X-Azure-Functions-HostVersion"]);
    }

    [Fact]
    public async Task PayloadMode_AnHttpFunctionWithOtherBindings_GetsTheRequestObject_AndItsResOutputIsTheResponse()
    {
        _handler.Answer = _ => Task.FromResult((200,
            """{"Outputs":{"res":{"statusCode":202,"headers":{"Content-Type":"application/json","X-Order":"42"},"body":{"cancelled":"42"}},"orders":[{"cancel":"42"}]},"Logs":[]}"""));

        var response = await Send(HttpMethod.Post, "orders/42/cancel?reason=manual", """{"by":"operator"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("42", Assert.Single(response.Headers.GetValues("X-Order")));
        Assert.Equal("{\n  \"cancelled\": \"42\"\n}", await response.Content.ReadAsStringAsync());
        var invocation = Assert.Single(_handler.Requests);
        Assert.Equal("/CancelOrder", invocation.PathAndQuery);
        using var payload = JsonDocument.Parse(invocation.Body);
        var req = payload.RootElement.GetProperty("Data").GetProperty("req");
        Assert.Equal(("POST", "42", "manual", """{"by":"operator"}"""),
            (req.GetProperty("Method").GetString(), req.GetProperty("Params").GetProperty("id").GetString(), req.GetProperty("Query").GetProperty("reason").GetString(),
                req.GetProperty("Body").GetString()));
        Assert.Equal("\"42\"", payload.RootElement.GetProperty("Metadata").GetProperty("id").GetString());
        Assert.Equal(1, _broker.SentCounts()["orders"]);
    }

    [Fact]
    public async Task PayloadMode_AFailedInvocation_Answers500()
    {
        _handler.Answer = _ => Task.FromResult((503, "{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, (await Send(HttpMethod.Post, "orders/1/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Admin_NeedsTheKey_ListsAndResubmitsDeadLetters_AndRestartsTheHandler()
    {
        _broker.Send("orders", Topologies.Body("""{"id":"poison"}""", "m-1"));
        _broker.Abandon(_broker.TryReceive("orders", "execution")!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("admin/servicebus/deadletters")).StatusCode);
        var listed = await Send(HttpMethod.Get, "admin/servicebus/deadletters", null);
        using var dead = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var entry = Assert.Single(dead.RootElement.EnumerateArray());
        Assert.Equal(("m-1", "MaxDeliveryCountExceeded", """{"id":"poison"}"""),
            (entry.GetProperty("messageId").GetString(), entry.GetProperty("deadLetterReason").GetString(), entry.GetProperty("body").GetString()));

        var resubmitted = await Send(HttpMethod.Post, $"admin/servicebus/orders/execution/deadletters/{entry.GetProperty("sequenceNumber").GetInt64()}/resubmit", null);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal("m-1", _broker.TryReceive("orders", "execution")!.MessageId);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Post, "admin/servicebus/orders/nope/deadletters/resubmit", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Send(HttpMethod.Post, "admin/handler/restart", null)).StatusCode);
        Assert.Equal(1, _process.Kills);
        var status = await Send(HttpMethod.Get, "admin/host/status", null);
        Assert.Contains("\"state\":\"Running\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", Key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _client.SendAsync(request);
    }

    private sealed class FakeProcess(Uri address) : IHandlerProcess
    {
        public Task<Uri> Ready { get; } = Task.FromResult(address);

        public Task<string> Failed { get; } = new TaskCompletionSource<string>().Task;

        public int Starts => 1;

        public TimeSpan? LastStartupTime => TimeSpan.FromMilliseconds(1);

        public int Kills { get; private set; }

        public void Kill() => Kills++;
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.ServiceBus;
using TradingBot.DevHost.Tests.Hosting;

namespace TradingBot.DevHost.Tests.ServiceBus;

/// <summary>
/// The Service Bus trigger as the host runs it (§1.11 #13–#15): 2xx completes and sends the outputs, failure abandons
/// (redelivery, then dead letter), maxConcurrentCalls is honoured, a lock lost during a long invocation yields an
/// observable duplicate delivery, and the chaos switches do what they say. Real loopback HTTP to a fake handler.
/// </summary>
public sealed class ServiceBusListenerTests : IAsyncLifetime
{
    private static readonly FunctionDefinition Execute = new("ExecuteOrders",
    [
        Binding("serviceBusTrigger", "in", "order", ("topicName", "orders"), ("subscriptionName", "execution")),
        Binding("serviceBus", "out", "fills", ("topicName", "fills")),
    ]);

    private readonly HttpClient _http = new();
    private FakeHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await FakeHandler.StartAsync();

    public async Task DisposeAsync()
    {
        await _handler.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Delivery_HandlerAnswers2xx_SendsTheOutputsAndCompletesTheMessage()
    {
        _handler.Answer = _ => Task.FromResult((200, """{"Outputs":{"fills":[{"id":"fill-1","price":"97000.1"}]},"Logs":["placed"],"ReturnValue":null}"""));
        var broker = Broker(maxDeliveryCount: 10);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 1 }, new FaultOptions(), TimeProvider.System);

        broker.Send("orders", Topologies.Body("""{"id":"ord-1"}""", "m-1"));
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "ledger").Active == 1, "the fill was published");

        var fill = broker.TryReceive("fills", "ledger")!;
        Assert.Equal("{\n  \"id\": \"fill-1\",\n  \"price\": \"97000.1\"\n}", Encoding.UTF8.GetString(fill.Body.Span));
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "execution").Completed == 1, "the order message was completed");
        Assert.Empty(broker.Peek("orders", "execution"));
        var request = Assert.Single(_handler.Requests);
        Assert.Equal("/ExecuteOrders", request.PathAndQuery);
        Assert.StartsWith("Azure-Functions-Host/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.True(Guid.TryParse(request.Headers["X-Azure-Functions-InvocationId"], out _));
    }

    [Fact]
    public async Task Delivery_HandlerAnswersNon2xx_AbandonsUntilMaxDeliveryCount_ThenTheMessageIsDeadLettered()
    {
        _handler.Answer = _ => Task.FromResult((503, """{"Outputs":{"fills":[{"id":"never sent"}]},"Logs":[]}"""));
        var broker = Broker(maxDeliveryCount: 3);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 1 }, new FaultOptions(), TimeProvider.System);

        broker.Send("orders", Topologies.Body("""{"id":"ord-2"}""", "m-2"));
        await Waiting.UntilAsync(() => broker.DeadLetters("orders", "execution").Count == 1, "the message was dead-lettered");

        var counts = _handler.Requests.Select(r => Metadata(r.Body, "DeliveryCount")).ToList();
        Assert.Equal(["1", "2", "3"], counts);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, broker.DeadLetters("orders", "execution")[0].DeadLetterReason);
        Assert.Equal(0, broker.SentCounts().GetValueOrDefault("fills"));
    }

    [Fact]
    public async Task Delivery_UnreadableOrEmptyReply_CountsAsAFailure()
    {
        var replies = new ConcurrentQueue<(int, string)>([(200, "not json"), (200, ""), (200, "{}")]);
        _handler.Answer = _ => Task.FromResult(replies.TryDequeue(out var reply) ? reply : (200, "{}"));
        var broker = Broker(maxDeliveryCount: 10);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 1 }, new FaultOptions(), TimeProvider.System);

        broker.Send("orders", Topologies.Body("{}"));
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "execution").Completed == 1, "completed on the third delivery");

        Assert.Equal(3, _handler.Requests.Count);
        Assert.Equal(2, broker.Statistics().Single(s => s.Subscription == "execution").Abandoned);
    }

    [Fact]
    public async Task Concurrency_AtMostMaxConcurrentCallsInvocationsRunAtOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Answer = async _ =>
        {
            await gate.Task;
            return (200, "{}");
        };
        var broker = Broker(maxDeliveryCount: 10);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 3 }, new FaultOptions(), TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            broker.Send("orders", Topologies.Body($$"""{"n":{{i}}}"""));
        }

        await Waiting.UntilAsync(() => _handler.InFlight == 3, "three invocations in flight");
        Assert.Equal(3, broker.Statistics().Single(s => s.Subscription == "execution").Locked);
        gate.SetResult();
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "execution").Completed == 10, "all completed");
        Assert.Equal(3, _handler.MaxInFlight);
    }

    [Fact]
    public async Task LockRenewal_ALongInvocationKeepsItsLockUpToMaxAutoLockRenewalDuration_ThenTheLockIsLostAndTheMessageIsDeliveredAgain()
    {
        var time = new FakeTimeProvider(Topologies.Start);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Answer = async request =>
        {
            if (Metadata(request.Body, "DeliveryCount") == "1")
            {
                await release.Task;
            }

            return (200, "{}");
        };
        var broker = new ServiceBusEmulator(Topologies.One(Topologies.Execution(lockDuration: TimeSpan.FromSeconds(30))) with { }, time);
        var options = new ServiceBusHostOptions { MaxConcurrentCalls = 2, MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(1) };
        await using var run = Listen(broker, options, new FaultOptions(), time);
        broker.Send("orders", Topologies.Body("{}", "slow"));
        await Waiting.UntilAsync(() => _handler.Requests.Count == 1, "first delivery started");

        // Renewed while within maxAutoLockRenewalDuration: no second delivery.
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            await Waiting.UntilAsync(() => broker.Peek("orders", "execution").Single().LockedUntil > time.GetUtcNow(), "lock renewed");
        }

        broker.Sweep();
        Assert.Single(_handler.Requests);

        // Past the renewal limit the lock lapses: the message is delivered again while the first invocation still runs.
        time.Advance(TimeSpan.FromSeconds(45));
        broker.Sweep();
        await Waiting.UntilAsync(() => _handler.Requests.Count == 2, "the duplicate delivery");
        Assert.Equal("2", Metadata(_handler.Requests.Last().Body, "DeliveryCount"));
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "execution").Completed == 1, "the duplicate completed");
        release.SetResult();
        await Waiting.UntilAsync(() => _handler.InFlight == 0, "the first invocation ended");
        Assert.Empty(broker.Peek("orders", "execution"));
    }

    [Fact]
    public async Task Faults_DuplicateRate1_DeliversEveryMessageTwiceAtOnce_AndBothOutputsAreSent()
    {
        _handler.Answer = _ => Task.FromResult((200, """{"Outputs":{"fills":[{"id":"fill"}]}}"""));
        var broker = Broker(maxDeliveryCount: 10);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 1 }, new FaultOptions { DuplicateRate = 1 }, TimeProvider.System);

        broker.Send("orders", Topologies.Body("{}", "dup"));
        await Waiting.UntilAsync(() => broker.Statistics().Single(s => s.Subscription == "execution").Completed == 1, "completed");

        Assert.Equal(2, _handler.Requests.Count);
        Assert.Equal(["1", "2"], _handler.Requests.Select(r => Metadata(r.Body, "DeliveryCount")).Order());
        Assert.Equal(2, broker.SentCounts()["fills"]);
    }

    [Fact]
    public async Task Faults_FailRate1_DiscardsTheOutputsOfAnsweredInvocationsAndAbandons()
    {
        _handler.Answer = _ => Task.FromResult((200, """{"Outputs":{"fills":[{"id":"fill"}]}}"""));
        var broker = Broker(maxDeliveryCount: 2);
        await using var run = Listen(broker, new ServiceBusHostOptions { MaxConcurrentCalls = 1 }, new FaultOptions { FailRate = 1 }, TimeProvider.System);

        broker.Send("orders", Topologies.Body("{}"));
        await Waiting.UntilAsync(() => broker.DeadLetters("orders", "execution").Count == 1, "dead-lettered after two failed deliveries");

        Assert.Equal(2, _handler.Requests.Count);
        Assert.Equal(0, broker.SentCounts().GetValueOrDefault("fills"));
    }

    internal static BindingDefinition Binding(string type, string direction, string name, params (string Key, string Value)[] properties) =>
        new(type, direction, name, properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.OrdinalIgnoreCase));

    internal static string? Metadata(string payload, string key)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("Metadata").TryGetProperty(key, out var value) ? value.GetString() : null;
    }

    private static ServiceBusEmulator Broker(int maxDeliveryCount) => new(new ServiceBusTopology(
    [
        new TopicDefinition("orders", [Topologies.Execution(maxDeliveryCount)]),
        new TopicDefinition("fills", [new SubscriptionDefinition("ledger")]),
    ]), TimeProvider.System);

    private Running Listen(ServiceBusEmulator broker, ServiceBusHostOptions options, FaultOptions faults, TimeProvider wall)
    {
        var injector = new FaultInjector(faults);
        var invoker = new FunctionInvoker(_ => Task.FromResult(_handler.Address), _http, TimeSpan.FromMinutes(1), injector, NullLogger.Instance);
        var listener = new ServiceBusListener(Execute, broker, options, invoker, new OutputWriter(broker), new InvocationStatistics(), injector, wall,
            NullLogger.Instance);
        listener.Start(CancellationToken.None);
        return new Running(listener);
    }

    private sealed class Running(ServiceBusListener listener) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync();
            listener.Dispose();
        }
    }
}

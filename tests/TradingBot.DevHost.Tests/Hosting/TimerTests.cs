using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Protocol;
using TradingBot.DevHost.ServiceBus;
using TradingBot.DevHost.Tests.ServiceBus;
using TradingBot.DevHost.Timers;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>Timer triggers (§2.1, §7.4): 6-field NCRONTAB in UTC, runOnStartup, IsPastDue after a missed run, outputs sent, restart rules.</summary>
public sealed class TimerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 30, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(Start);
    private FakeHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await FakeHandler.StartAsync();

    public async Task DisposeAsync()
    {
        await _handler.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData("0 */1 * * * *", "2026-01-10T12:00:30Z", "2026-01-10T12:01:00Z")]
    [InlineData("15,45 * * * * *", "2026-01-10T12:00:30Z", "2026-01-10T12:00:45Z")]
    [InlineData("*/10 * * * * *", "2026-01-10T12:00:50Z", "2026-01-10T12:01:00Z")]
    [InlineData("0 0 0 * * *", "2026-01-10T12:00:30Z", "2026-01-11T00:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-01-10T12:00:30Z", "2026-01-12T09:30:00Z")]
    [InlineData("00:05:00", "2026-01-10T12:00:30Z", "2026-01-10T12:05:30Z")]
    public void Schedule_NextOccurrence_IsComputedInUtc(string schedule, string after, string next)
    {
        var parsed = TimerSchedule.Parse(schedule, "test");

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            parsed.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 */1 * * * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("every minute")]
    public void Schedule_NotA6FieldNcrontab_IsRefused(string schedule) =>
        Assert.Throws<ConfigurationException>(() => TimerSchedule.Parse(schedule, "IngestMarketData/function.json schedule"));

    [Fact]
    public async Task Timer_RunsOnStartup_ThenOnSchedule_SendingItsOutputs_AndRecordsItsScheduleStatus()
    {
        _handler.Answer = _ => Task.FromResult((200, """{"Outputs":{"candles":[{"id":"c1"},{"id":"c2"}]}}"""));
        var broker = Broker();
        var statuses = new TimerStatusStore(null);
        using var cancel = new CancellationTokenSource();
        var timer = Timer(broker, statuses, runOnStartup: true);

        var running = timer.RunAsync(cancel.Token, CancellationToken.None);
        await Waiting.UntilAsync(() => _handler.Requests.Count == 1, "the startup run");
        await Waiting.UntilAsync(() => statuses.Get("Tick") is not null, "the startup run recorded its status");
        await AdvanceUntilAsync(() => _handler.Requests.Count >= 2, "the 12:01:00 run");
        await cancel.CancelAsync();
        await running;

        var requests = _handler.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("/Tick", r.PathAndQuery));
        Assert.False(Data(requests[0].Body).GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Data(requests[0].Body).GetProperty("ScheduleStatus").ValueKind);
        var status = Data(requests[1].Body).GetProperty("ScheduleStatus");
        Assert.Equal(("2026-01-10T12:00:30", "2026-01-10T12:01:00"), (status.GetProperty("Last").GetString(), status.GetProperty("Next").GetString()));
        Assert.Equal(4, broker.SentCounts()["market-data"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 12, 2, 0, TimeSpan.Zero), statuses.Get("Tick")!.Next);
    }

    [Fact]
    public async Task Timer_ARunMissedWhileTheHostWasDown_FiresOnceAtStartWithIsPastDue()
    {
        var statuses = new TimerStatusStore(null);
        statuses.Set("Tick", new TimerScheduleStatus(Start - TimeSpan.FromMinutes(10), Start - TimeSpan.FromMinutes(9), Start - TimeSpan.FromMinutes(10)));
        using var cancel = new CancellationTokenSource();
        var timer = Timer(Broker(), statuses, runOnStartup: false);

        var running = timer.RunAsync(cancel.Token, CancellationToken.None);
        await Waiting.UntilAsync(() => _handler.Requests.Count == 1, "the past-due run");
        await cancel.CancelAsync();
        await running;

        Assert.True(Data(_handler.Requests.Single().Body).GetProperty("IsPastDue").GetBoolean());
    }

    [Fact]
    public async Task Timer_AFailedRun_IsNotRetried_AndTheNextRunHappensOnSchedule()
    {
        var replies = new ConcurrentQueue<int>([500, 200]);
        _handler.Answer = _ => Task.FromResult((replies.TryDequeue(out var status) ? status : 200, "{}"));
        using var cancel = new CancellationTokenSource();
        var timer = Timer(Broker(), new TimerStatusStore(null), runOnStartup: true);

        var running = timer.RunAsync(cancel.Token, CancellationToken.None);
        await Waiting.UntilAsync(() => _handler.Requests.Count == 1, "the failing startup run");
        await AdvanceUntilAsync(() => _handler.Requests.Count >= 2, "the scheduled run");
        await cancel.CancelAsync();
        await running;

        using var second = JsonDocument.Parse(_handler.Requests.ElementAt(1).Body);
        var at = DateTimeOffset.Parse(second.RootElement.GetProperty("Metadata").GetProperty("sys").GetProperty("UtcNow").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(at >= new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero), $"the second run at {at:O} was a retry, not the scheduled run");
    }

    /// <summary>Moves the fake clock a second at a time until the background timer has done <paramref name="what"/>.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        await Waiting.UntilAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, what);

    [Fact]
    public void RestartPolicy_MoreThanThreeErrorRestartsIn30Minutes_StopsTheHost_AndOldOnesAgeOut()
    {
        var policy = new RestartPolicy(_time);

        Assert.True(policy.TryRestart());
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(policy.TryRestart());
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(policy.TryRestart());
        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.True(policy.TryRestart());
        Assert.False(policy.TryRestart());
    }

    [Fact]
    public void ExpandArguments_ResolvesFromTheChildsEnvironment_AndDropsUnresolvedTokens()
    {
        var arguments = HandlerProcess.ExpandArguments(["App.dll", "--urls", "http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT%", "%DEVHOST_NO_SUCH_VARIABLE%x"],
            new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "4711" });

        Assert.Equal(["App.dll", "--urls", "http://127.0.0.1:4711", "x"], arguments);
    }

    private static JsonElement Data(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("Data").GetProperty("timer").Clone();
    }

    private static ServiceBusEmulator Broker() =>
        new(new ServiceBusTopology([new TopicDefinition("market-data", [new SubscriptionDefinition("strategies")])]), TimeProvider.System);

    private TimerListener Timer(ServiceBusEmulator broker, TimerStatusStore statuses, bool runOnStartup)
    {
        var function = new FunctionDefinition("Tick",
        [
            ServiceBusListenerTests.Binding("timerTrigger", "in", "timer", ("schedule", "0 */1 * * * *")) is var trigger
                ? trigger with { Properties = new Dictionary<string, JsonElement>(trigger.Properties, StringComparer.OrdinalIgnoreCase) { ["runOnStartup"] = JsonSerializer.SerializeToElement(runOnStartup) } }
                : null!,
            ServiceBusListenerTests.Binding("serviceBus", "out", "candles", ("topicName", "market-data")),
        ]);
        var invoker = new FunctionInvoker(_ => Task.FromResult(_handler.Address), _http, TimeSpan.FromMinutes(1), new FaultInjector(new FaultOptions()), NullLogger.Instance);
        return new TimerListener(function, TimerSchedule.Parse("0 */1 * * * *", "test"), statuses, invoker, new OutputWriter(broker), new InvocationStatistics(),
            _time, _time, d => d, NullLogger.Instance);
    }
}

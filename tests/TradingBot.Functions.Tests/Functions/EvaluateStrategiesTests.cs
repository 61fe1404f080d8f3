using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Config;
using TradingBot.Storage.Inbox;
using TradingBot.Storage.Signals;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class EvaluateStrategiesTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    /// <summary>The crossing candle delivered once (it raises a Long signal, recorded), then its strategy disabled.</summary>
    private async Task<(CandleClosed Candle, InvokeReply First)> RaiseThenDisableAsync()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);
        var first = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);
        var config = _host.Service<ConfigStore>();
        await config.SaveStrategyAsync((await config.GetStrategyAsync(Scenario.StrategyId, default))! with { Enabled = false }, default);
        return (candle, first);
    }

    [Fact]
    public async Task Deliver_CandleThatCrosses_RaisesOneSignalCausedByIt()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);

        var reply = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);

        var signal = Assert.Single(reply.Messages<SignalRaised>(EvaluateStrategies.Output));
        Assert.Equal(TargetPosition.Long, signal.Target);
        Assert.Equal(Scenario.StrategyId, signal.StrategyId);
        Assert.Equal(candle.Id, signal.CausationId);
        Assert.Equal(candle.Id, signal.CorrelationId);
        Assert.Equal(12m, signal.Price);
    }

    [Fact]
    public async Task Deliver_CandleWithoutCross_RaisesNothing()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);

        var reply = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, Scenario.Closed(bars[^2]));

        Assert.Empty(reply.Bodies(EvaluateStrategies.Output));
    }

    [Fact]
    public async Task Deliver_CandleThatRaisesNothing_RecordsNothing()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^2]);

        await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);

        Assert.Null(await _host.Service<InboxStore>().FindAsync(nameof(EvaluateStrategies), candle.Id, default));
    }

    [Fact]
    public async Task Deliver_TheSameCandleAgainAsANewMessage_RaisingNothingNow_PublishesNothingAgain()
    {
        var (candle, first) = await RaiseThenDisableAsync();

        // Ingestion published the same candle twice (a retried run): the copy is a first delivery of another message.
        var copy = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle, deliveryCount: 1);

        Assert.Single(first.Bodies(EvaluateStrategies.Output));
        Assert.Empty(copy.Bodies(EvaluateStrategies.Output)); // its signal went out with the first message
    }

    [Fact]
    public async Task Redeliver_CandleThatRaisedNothing_IsEvaluatedAgainAndWhatItRaisesThenIsReplayed()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);
        var config = _host.Service<ConfigStore>();
        var strategy = (await config.GetStrategyAsync(Scenario.StrategyId, default))!;
        strategy = await config.SaveStrategyAsync(strategy with { Enabled = false }, default);
        var first = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);
        strategy = await config.SaveStrategyAsync(strategy with { Enabled = true }, default);

        var second = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle, deliveryCount: 2);
        await config.SaveStrategyAsync(strategy with { Enabled = false }, default);
        var third = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle, deliveryCount: 3);

        Assert.Empty(first.Bodies(EvaluateStrategies.Output));
        var signal = Assert.Single(second.Messages<SignalRaised>(EvaluateStrategies.Output));
        Assert.Equal(candle.Id, signal.CausationId);
        Assert.Equal(second.Bodies(EvaluateStrategies.Output), third.Bodies(EvaluateStrategies.Output));
        var stored = await _host.Service<SignalStore>().ListDayAsync(DateOnly.FromDateTime(candle.OpenTime.UtcDateTime), default);
        Assert.Equal(signal, Assert.Single(stored));
    }

    [Fact]
    public async Task Redeliver_AfterTheStrategyChanged_ReplaysTheSameSignal()
    {
        var (candle, first) = await RaiseThenDisableAsync();

        var again = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle, deliveryCount: 2);

        Assert.Equal(first.Bodies(EvaluateStrategies.Output), again.Bodies(EvaluateStrategies.Output));
        Assert.Contains(again.Logs, l => l.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_WithoutADeliveryCount_RaisingNothingNow_ReplaysWhatWasRecorded()
    {
        var (candle, first) = await RaiseThenDisableAsync();

        // Metadata without DeliveryCount: it may be a redelivery, so the earlier record is looked up.
        var again = await _host.InvokeAsync(nameof(EvaluateStrategies),
            HostPayloads.ServiceBus(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, MessageJson.Serialize(candle), deliveryCount: null,
                now: _host.Time.GetUtcNow()));

        Assert.Equal(first.Bodies(EvaluateStrategies.Output), again.Bodies(EvaluateStrategies.Output));
    }

    [Fact]
    public async Task Redeliver_RecordedButItsSignalsNotStored_StoresAndReplaysTheRecordedSignals()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);
        // An earlier delivery recorded its outputs and died before storing them; since then the strategy changed.
        var recorded = SignalRaised.For(candle, "retired-strategy", "sma-cross", StrategySignal.Short("recorded earlier"));
        await _host.Service<InboxStore>().RecordAsync(nameof(EvaluateStrategies), candle.Id, candle.CorrelationId, MessageJson.SerializeMany([recorded]),
            _host.Time.GetUtcNow(), default);

        var reply = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle, deliveryCount: 2);

        Assert.Equal(recorded, Assert.Single(reply.Messages<SignalRaised>(EvaluateStrategies.Output)));
        var stored = await _host.Service<SignalStore>().ListDayAsync(DateOnly.FromDateTime(candle.OpenTime.UtcDateTime), default);
        Assert.Equal(recorded, Assert.Single(stored));
    }

    [Fact]
    public async Task Deliver_FirstTime_StoresWhatItPublishes()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);

        var reply = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);

        var stored = await _host.Service<SignalStore>().ListDayAsync(DateOnly.FromDateTime(candle.OpenTime.UtcDateTime), default);
        Assert.Equal(reply.Messages<SignalRaised>(EvaluateStrategies.Output), stored);
    }

    [Fact]
    public async Task Deliver_EveryLogLine_CarriesTheMessageAndCorrelationIds()
    {
        var bars = Scenario.CrossUp();
        await Scenario.ConfigureAsync(_host, bars);
        var candle = Scenario.Closed(bars[^1]);

        await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candle);

        var lines = _host.Logs.Lines.Where(l => l.Category.StartsWith("TradingBot.", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Message.Contains("wants Long", StringComparison.Ordinal));
        Assert.All(lines, l =>
        {
            Assert.Equal(candle.Id, l.Scope["MessageId"]);
            Assert.Equal(candle.CorrelationId, l.Scope["CorrelationId"]);
        });
    }
}

using System.Net;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Functions.Pipeline;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Poison;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;
using TradingBot.Testing;
using RiskDecision = TradingBot.Storage.Risk.RiskDecision;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class ApplyRiskTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private static SignalRaised Signal(TargetPosition target, int fromEnd = 1) =>
        SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^fromEnd]), Scenario.StrategyId, "sma-cross", new StrategySignal(target, "test"));

    private const string Account = "paper-testex";

    private Task<RiskDecision?> DecisionAsync(SignalRaised signal) => _host.Service<RiskDecisionStore>().GetAsync(signal.Id, signal.CandleTime, default);

    [Fact]
    public async Task Deliver_LongSignalWhenFlat_ApprovesAnEntrySizedByRisk()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Long);

        var reply = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);

        var order = Assert.Single(reply.Messages<OrderApproved>(ApplyRisk.Output));
        Assert.Equal(OrderSide.Buy, order.Side);
        Assert.Equal(MessageIds.Order(signal.Id), order.Id);
        Assert.Equal(signal.CorrelationId, order.CorrelationId);
        Assert.InRange(order.Amount * order.ReferencePrice, 1m, 2_500m);
        Assert.Equal(order.Amount, decimal.Round(order.Amount, 5));
        var decision = await DecisionAsync(signal);
        Assert.True(decision!.Approved);
        var book = await _host.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.Equal(order, Assert.Single(book!.Pending.Values).Order);
    }

    [Fact]
    public async Task Redeliver_SameSignal_SameOrderAndOneReservation()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Long);
        var first = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);

        var again = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal, deliveryCount: 2);

        Assert.Equal(first.Messages<OrderApproved>(ApplyRisk.Output), again.Messages<OrderApproved>(ApplyRisk.Output));
        var book = await _host.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.Single(book!.Pending);
        Assert.Single(book.State.OrderTimes);
    }

    [Fact]
    public async Task Redeliver_AfterItsOrderFinished_ReplaysTheDecisionAndReservesNothing()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Long);
        var first = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);
        var books = _host.Service<RiskStateStore>();
        var book = await books.GetAsync(Account, default);
        await books.SaveAsync(book! with { Pending = book.Pending.Clear() }, default); // the order ended, its reservation released

        var again = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal, deliveryCount: 2);

        Assert.Equal(first.Messages<OrderApproved>(ApplyRisk.Output), again.Messages<OrderApproved>(ApplyRisk.Output));
        Assert.Empty((await books.GetAsync(Account, default))!.Pending);
    }

    [Fact]
    public async Task Redeliver_DecidedSignalDuringAVenueOutage_GetsItsDecisionBackWithoutTheVenue()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Short);
        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);
        _host.Paper.FailAccountAndMarketData(10);

        var again = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal, deliveryCount: 2);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("short-not-allowed", (await DecisionAsync(signal))!.Code);
        Assert.Empty(await _host.Service<PoisonStore>().ListAsync(nameof(ApplyRisk), default));
    }

    [Fact]
    public async Task Deliver_RejectedSignal_LeavesTheStoredBookUnwritten()
    {
        await Scenario.ConfigureAsync(_host);
        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, Signal(TargetPosition.Long));
        var books = _host.Service<RiskStateStore>();
        var before = await books.GetAsync(Account, default);

        var rejected = Signal(TargetPosition.Short, fromEnd: 2);

        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, rejected);

        Assert.False((await DecisionAsync(rejected))!.Approved);
        Assert.Equal(before!.ETag, (await books.GetAsync(Account, default))!.ETag);
    }

    [Fact]
    public async Task FinalUpdate_ReservationMadeByAnotherInstance_IsReleasedThoughThisOneRememberedTheBookWithoutIt()
    {
        await Scenario.ConfigureAsync(_host);
        var books = _host.Service<RiskStateStore>();
        await books.SaveAsync(new RiskBook(Account, RiskState.Start(10_000m)), default); // remembered here, nothing reserved
        var elsewhere = new RiskStateStore(_host.Service<TableClients>());
        var stored = await elsewhere.GetAsync(Account, default);
        var order = OrderApproved.For(Signal(TargetPosition.Long), OrderSide.Buy, 0.01m, Scenario.FirstBar);
        await elsewhere.SaveAsync(stored! with { Pending = stored.Pending.SetItem(order.Id, new PendingOrder(order, RiskOrderPurpose.Entry)) }, default);
        var canceled = new OrderUpdated("u-1", order.Id, order.CorrelationId, Scenario.FirstBar, order.Id, order.Id, order.StrategyId, order.Venue, Account,
            order.Symbol, order.Side, OrderState.Canceled, order.Amount, 0m);

        var released = await _host.Service<RiskBookkeeper>().OnOrderFinishedAsync(canceled, default);

        Assert.True(released);
        Assert.Empty((await elsewhere.GetAsync(Account, default))!.Pending);
    }

    [Fact]
    public async Task Deliver_ShortOnASpotAccount_IsRejectedAndRecordedWithItsReason()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Short);

        var reply = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);

        Assert.Empty(reply.Bodies(ApplyRisk.Output));
        var decision = await DecisionAsync(signal);
        Assert.False(decision!.Approved);
        Assert.Equal("short-not-allowed", decision.Code);
    }

    [Fact]
    public async Task Deliver_FlatWhenFlat_RecordsNoChange()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Flat);

        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);

        Assert.Equal("no-change", (await DecisionAsync(signal))!.Code);
    }

    [Fact]
    public async Task Deliver_AfterAnotherInstanceAppliedAFill_WeighsThatPosition()
    {
        await Scenario.ConfigureAsync(_host);
        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, Signal(TargetPosition.Flat, fromEnd: 2)); // flat: read, remembered
        var elsewhere = new LedgerStore(_host.Service<TableClients>(), new PartitionLocks());
        var order = new TrackedOrder("ord-x", "tbx", "sig-x", "candle:x", Scenario.StrategyId, PipelineHost.VenueId, Account, TradingMode.Paper,
            Scenario.BtcUsdt, OrderSide.Buy, OrderType.Market, 0.5m, 12m, _host.Time.GetUtcNow());
        await elsewhere.ApplyAsync(OrderFilled.For(order, new ExecutionFill("t-x", 12m, 0.5m, 0m, null, _host.Time.GetUtcNow())), default);
        var flat = Signal(TargetPosition.Flat);

        var reply = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, flat);

        var exit = Assert.Single(reply.Messages<OrderApproved>(ApplyRisk.Output));
        Assert.Equal(OrderSide.Sell, exit.Side);
        Assert.Equal(0.5m, exit.Amount);
    }

    [Fact]
    public async Task Deliver_VenueOutage_Is503UntilTheLastDeliveryThenPoison()
    {
        await Scenario.ConfigureAsync(_host);
        var signal = Signal(TargetPosition.Long);
        _host.Paper.FailAccountAndMarketData(2);

        var transient = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal, deliveryCount: 1);
        var last = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal, deliveryCount: 10);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, transient.Status);
        Assert.Equal(HttpStatusCode.OK, last.Status);
        var poison = Assert.Single(await _host.Service<PoisonStore>().ListAsync(nameof(ApplyRisk), default));
        Assert.Contains("gave up after 10 deliveries", poison.Reason, StringComparison.Ordinal);
        Assert.Equal(signal.Id, poison.MessageId);
        Assert.Null(await DecisionAsync(signal));
    }
}

using System.Collections.Immutable;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Poison;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class ExecuteOrdersTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private static readonly OrderApproved Order = OrderApproved.For(
        SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^1]), Scenario.StrategyId, "sma-cross", StrategySignal.Long("test")),
        OrderSide.Buy, 2m, PipelineHost.Start);

    private Task<InvokeReply> DeliverAsync(OrderApproved order, int deliveryCount = 1) =>
        _host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, order, deliveryCount);

    /// <summary>Delivers fills-topic messages to RecordFills (the ledger and the risk book), each answered 200.</summary>
    private async Task RecordAsync(IEnumerable<string> bodies) => await _host.DeliverAllAsync(nameof(RecordFills), RecordFills.Trigger, bodies, "none");

    private Task<StoredOrder?> StoredAsync() => _host.Service<OrderStore>().GetAsync(PipelineHost.VenueId, Order.Id, default);

    [Fact]
    public async Task Deliver_SameOrderFiveTimesConcurrentlyThenFiveTimes_PlacesExactlyOneVenueOrder()
    {
        await Scenario.ConfigureAsync(_host);

        var concurrent = await Task.WhenAll(Enumerable.Range(1, 5).Select(d => DeliverAsync(Order, d)));
        var sequential = new List<InvokeReply>();
        for (var delivery = 6; delivery <= 10; delivery++)
        {
            sequential.Add(await DeliverAsync(Order, delivery));
        }

        Assert.Equal(1, _host.Paper.CreateCalls);
        var accepted = Assert.Single(_host.Paper.AcceptedOrders);
        Assert.Equal(Order.ClientOrderId, accepted.ClientOrderId);
        Assert.All(concurrent, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.Status));
        var replays = sequential.Select(r => r.Messages<OrderFilled>(ExecuteOrders.Output)).ToList();
        Assert.All(replays, f => Assert.Equal(replays[0], f));
        // A concurrent delivery either published the fill (same id) or found the order still in flight and published nothing.
        Assert.All(concurrent.Select(r => r.Messages<OrderFilled>(ExecuteOrders.Output)), f => Assert.True(f.Count == 0 || f.SequenceEqual(replays[0])));
        Assert.Equal(2m, Assert.Single(replays[0]).Amount);
        Assert.Equal(0, _host.Venue.CreateCalls);
    }

    [Fact]
    public async Task Deliver_TimeoutAfterTheVenueAccepted_LooksItUpAndRecordsOneOrderAndOneFill()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.TimeoutAfterAccepting());

        var reply = await DeliverAsync(Order);
        var again = await DeliverAsync(Order, deliveryCount: 2);

        Assert.Equal(1, _host.Paper.CreateCalls);
        Assert.Single(reply.Messages<OrderFilled>(ExecuteOrders.Output));
        Assert.Equal(OrderState.Filled, Assert.Single(reply.Messages<OrderUpdated>(ExecuteOrders.Output)).State);
        Assert.Equal(reply.Messages<OrderFilled>(ExecuteOrders.Output), again.Messages<OrderFilled>(ExecuteOrders.Output));
        var stored = await StoredAsync();
        Assert.Equal(OrderState.Filled, stored!.Order.State);
        Assert.Single(stored.Fills);
    }

    [Theory]
    [InlineData("timeout")] // sent, but no answer: the outcome is unknown
    [InlineData("not sent")] // given up in the client's placement queue (VenueRestClient): provably never left
    public async Task Deliver_PlacementFailsWithoutAnOrderAtTheVenue_StaysUnknownUntilGraceThenResubmitsWithTheSameClientOrderId(string failure)
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(failure == "timeout"
            ? FakeOrderScript.TimeoutWithoutOrder()
            : new FakeOrderScript { Failure = new RateLimitExceeded("fake: not sent; earlier order placements on this client kept it waiting 10 s") });

        var reply = await DeliverAsync(Order);
        var early = await _host.TickAsync(nameof(ReconcileOrders));
        _host.Time.Advance(TimeSpan.FromSeconds(61));
        var late = await _host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal(OrderState.Unknown, Assert.Single(reply.Messages<OrderUpdated>(ExecuteOrders.Output)).State);
        Assert.Empty(early.Bodies(ReconcileOrders.Output));
        Assert.Equal(2, _host.Paper.CreateCalls);
        Assert.Equal(Order.ClientOrderId, Assert.Single(_host.Paper.AcceptedOrders).ClientOrderId);
        Assert.Single(late.Messages<OrderFilled>(ReconcileOrders.Output));
        var stored = await StoredAsync();
        Assert.Equal(OrderState.Filled, stored!.Order.State);
        Assert.Equal(2, stored.Order.Attempt);
    }

    [Fact]
    public async Task Deliver_NeverFoundAndTooOld_ExpiresInsteadOfResubmitting()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.TimeoutWithoutOrder());
        await DeliverAsync(Order);

        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var reply = await _host.TickAsync(nameof(ReconcileOrders));

        var update = Assert.Single(reply.Messages<OrderUpdated>(ReconcileOrders.Output));
        Assert.Equal(OrderState.Expired, update.State);
        Assert.Contains("never reached the venue", update.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _host.Paper.CreateCalls);
        Assert.Single(await _host.Service<OrderStore>().ListOpenAsync(default));
        await _host.TickAsync(nameof(ReconcileOrders));
        Assert.Empty(await _host.Service<OrderStore>().ListOpenAsync(default));
    }

    [Fact]
    public async Task Deliver_PartialFill_ReconciliationAddsOnlyTheRest()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.Partial(0.25m, 12m));

        var reply = await DeliverAsync(Order);
        _host.Paper.AddFill(Order.ClientOrderId, 1m, 12.1m);
        _host.Time.Advance(TimeSpan.FromSeconds(5));
        var middle = await _host.TickAsync(nameof(ReconcileOrders));
        var idle = await _host.TickAsync(nameof(ReconcileOrders));
        _host.Paper.AddFill(Order.ClientOrderId, 0.5m, 12.2m);
        var last = await _host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal(0.5m, Assert.Single(reply.Messages<OrderFilled>(ExecuteOrders.Output)).Amount);
        Assert.Equal(OrderState.PartiallyFilled, Assert.Single(reply.Messages<OrderUpdated>(ExecuteOrders.Output)).State);
        Assert.Equal(1m, Assert.Single(middle.Messages<OrderFilled>(ReconcileOrders.Output)).Amount);
        Assert.Empty(idle.Bodies(ReconcileOrders.Output));
        Assert.Equal(0.5m, Assert.Single(last.Messages<OrderFilled>(ReconcileOrders.Output)).Amount);
        var stored = await StoredAsync();
        Assert.Equal(OrderState.Filled, stored!.Order.State);
        Assert.Equal(2m, stored.Fills.Sum(f => f.Amount));
        Assert.Equal((0.5m * 12m) + 12.1m + (0.5m * 12.2m), stored.Order.Cost);
    }

    [Fact]
    public async Task Reconcile_RunThatFinishedTheOrderLostItsOutput_NextRunAfterTheGracePublishesTheSameMessagesUntilTheLedgerHasThem()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.Partial(0.25m, 12m));
        var executed = await DeliverAsync(Order);
        await RecordAsync(executed.Bodies(ExecuteOrders.Output));
        _host.Paper.AddFill(Order.ClientOrderId, 1.5m, 12.1m);
        _host.Time.Advance(TimeSpan.FromSeconds(5));

        var lost = await _host.TickAsync(nameof(ReconcileOrders)); // saved the fill; the host never sent this output
        var withinGrace = await _host.TickAsync(nameof(ReconcileOrders));
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var again = await _host.TickAsync(nameof(ReconcileOrders));
        await RecordAsync(again.Bodies(ReconcileOrders.Output));
        await RecordAsync(again.Bodies(ReconcileOrders.Output));
        var done = await _host.TickAsync(nameof(ReconcileOrders));
        var after = await _host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal(1.5m, Assert.Single(lost.Messages<OrderFilled>(ReconcileOrders.Output)).Amount);
        Assert.Equal(OrderState.Filled, Assert.Single(lost.Messages<OrderUpdated>(ReconcileOrders.Output)).State);
        Assert.Empty(withinGrace.Bodies(ReconcileOrders.Output));
        // The very messages of the lost run (ids and content), so the ledger and risk deduplicate them by id.
        Assert.Equal(lost.Bodies(ReconcileOrders.Output), again.Bodies(ReconcileOrders.Output));
        Assert.Empty(done.Bodies(ReconcileOrders.Output));
        Assert.Empty(after.Bodies(ReconcileOrders.Output));
        Assert.Empty(await _host.Service<OrderStore>().ListOpenAsync(default));
        var position = Assert.Single(await _host.Service<LedgerStore>().GetPositionsAsync(lost.Messages<OrderFilled>(ReconcileOrders.Output)[0].Account, default));
        Assert.Equal(2m, position.Quantity);
    }

    [Fact]
    public async Task Reconcile_RunThatFoundAPartialFillLostItsOutput_NextRunAfterTheGracePublishesThatFillAgain()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.Partial(0.25m, 12m));
        await RecordAsync((await DeliverAsync(Order)).Bodies(ExecuteOrders.Output));
        _host.Paper.AddFill(Order.ClientOrderId, 1m, 12.1m);
        _host.Time.Advance(TimeSpan.FromSeconds(5));

        var lost = await _host.TickAsync(nameof(ReconcileOrders));
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var again = await _host.TickAsync(nameof(ReconcileOrders));
        await RecordAsync(again.Bodies(ReconcileOrders.Output));
        var after = await _host.TickAsync(nameof(ReconcileOrders));

        var fill = Assert.Single(lost.Messages<OrderFilled>(ReconcileOrders.Output));
        Assert.Equal([fill], again.Messages<OrderFilled>(ReconcileOrders.Output));
        Assert.Empty(again.Messages<OrderUpdated>(ReconcileOrders.Output));
        Assert.Empty(after.Bodies(ReconcileOrders.Output));
        Assert.Equal(1.5m, Assert.Single(await _host.Service<LedgerStore>().GetPositionsAsync(fill.Account, default)).Quantity);
    }

    [Fact]
    public async Task Reconcile_FinishedOrderWhoseFinalStatusRiskNeverSaw_PublishesItAgainUntilRiskReleasesTheOrder()
    {
        await Scenario.ConfigureAsync(_host);
        var books = _host.Service<RiskStateStore>();
        var account = TradingAccounts.For(PipelineHost.VenueId, TradingMode.Paper);
        await books.SaveAsync(new RiskBook(account, Core.Risk.RiskState.Start(1000m))
        {
            Pending = ImmutableDictionary<string, PendingOrder>.Empty.WithComparers(StringComparer.Ordinal)
                .Add(Order.Id, new PendingOrder(Order, Core.Risk.RiskOrderPurpose.Entry)),
        }, default);
        _host.Paper.Script(FakeOrderScript.Reject(new InsufficientFunds("paper: not enough USDT")));
        var lost = await DeliverAsync(Order); // rejected; its OrderUpdated never reached the fills topic

        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var again = await _host.TickAsync(nameof(ReconcileOrders));
        await RecordAsync(again.Bodies(ReconcileOrders.Output));
        var after = await _host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal(lost.Bodies(ExecuteOrders.Output), again.Bodies(ReconcileOrders.Output));
        Assert.Equal(OrderState.Rejected, Assert.Single(again.Messages<OrderUpdated>(ReconcileOrders.Output)).State);
        Assert.Empty((await books.GetAsync(account, default))!.Pending);
        Assert.Empty(after.Bodies(ReconcileOrders.Output));
        Assert.Empty(await _host.Service<OrderStore>().ListOpenAsync(default));
    }

    [Fact]
    public async Task Reconcile_OneOrderRowUnreadable_StillReturnsTheOtherOrdersFills()
    {
        await Scenario.ConfigureAsync(_host);
        var other = OrderApproved.For(
            SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^1]), Scenario.StrategyId, "sma-cross", StrategySignal.Long("test")),
            OrderSide.Buy, 2m, PipelineHost.Start, leg: 1);
        _host.Paper.Script(FakeOrderScript.Partial(0.25m, 12m));
        await DeliverAsync(Order);
        _host.Paper.Script(FakeOrderScript.Partial(0.25m, 12m));
        await DeliverAsync(other);
        var table = await _host.Service<Storage.Tables.TableClients>().GetAsync(Storage.Tables.TableNames.Orders, default);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(Storage.Tables.TableKeys.Escape(PipelineHost.VenueId), Storage.Tables.TableKeys.Escape(other.Id)) { ["Filled"] = "not a number" }, Azure.Data.Tables.TableUpdateMode.Merge);

        _host.Paper.AddFill(Order.ClientOrderId, 1m, 12.1m);
        _host.Time.Advance(TimeSpan.FromSeconds(5));
        var reply = await _host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        var fill = Assert.Single(reply.Messages<OrderFilled>(ReconcileOrders.Output));
        Assert.Equal(Order.Id, fill.OrderId);
        Assert.Equal(1m, fill.Amount);
    }

    [Fact]
    public async Task Deliver_VenueRefuses_RecordsRejectedWithTheReason()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.Script(FakeOrderScript.Reject(new InsufficientFunds("paper: not enough USDT")));

        var reply = await DeliverAsync(Order);

        var update = Assert.Single(reply.Messages<OrderUpdated>(ExecuteOrders.Output));
        Assert.Equal(OrderState.Rejected, update.State);
        Assert.Contains("InsufficientFunds", update.Reason, StringComparison.Ordinal);
        // Finished orders leave the reconciler's worklist on its next run, once nothing of theirs is left to deliver.
        Assert.Single(await _host.Service<OrderStore>().ListOpenAsync(default));
        Assert.Empty((await _host.TickAsync(nameof(ReconcileOrders))).Bodies(ReconcileOrders.Output));
        Assert.Empty(await _host.Service<OrderStore>().ListOpenAsync(default));
    }

    [Fact]
    public async Task Deliver_SameIdWithDifferentContent_IsPoisonAndPlacesNothing()
    {
        await Scenario.ConfigureAsync(_host);
        await DeliverAsync(Order);

        var reply = await DeliverAsync(Order with { Amount = 20m });

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, _host.Paper.CreateCalls);
        var poison = Assert.Single(await _host.Service<PoisonStore>().ListAsync(nameof(ExecuteOrders), default));
        Assert.Contains("different amount", poison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_LiveModeEnabled_SendsTheOrderToTheVenueItself()
    {
        using var live = PipelineHost.Create(azurite, ("Trading:Venues:testex:Mode", "Live"));
        await Scenario.ConfigureAsync(live);
        live.Venue.SetQuote(Scenario.BtcUsdt, 11.99m, 12.01m);

        var reply = await live.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, Order);

        Assert.Equal(1, live.Venue.CreateCalls);
        Assert.Equal(0, live.Paper.CreateCalls);
        Assert.Equal("testex", Assert.Single(reply.Messages<OrderFilled>(ExecuteOrders.Output)).Account);
    }

    [Fact]
    public async Task Reconcile_LiveOrderAfterLiveWasSwitchedOff_IsLookedUpLiveButNeverResubmitted()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        using (var live = PipelineHost.Create(azurite, ("Storage:TablePrefix", prefix), ("Trading:Venues:testex:Mode", "Live")))
        {
            live.Venue.Script(FakeOrderScript.TimeoutWithoutOrder());
            await live.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, Order);
        }

        using var paper = PipelineHost.Create(azurite, ("Storage:TablePrefix", prefix));
        paper.Time.Advance(TimeSpan.FromSeconds(61));
        var reply = await paper.TickAsync(nameof(ReconcileOrders));

        var update = Assert.Single(reply.Messages<OrderUpdated>(ReconcileOrders.Output));
        Assert.Equal(OrderState.Rejected, update.State);
        Assert.Equal("testex", update.Account);
        Assert.Contains("live trading is not enabled", update.Reason, StringComparison.Ordinal);
        Assert.Equal(0, paper.Venue.CreateCalls);
        Assert.Equal(0, paper.Paper.CreateCalls);
    }
}

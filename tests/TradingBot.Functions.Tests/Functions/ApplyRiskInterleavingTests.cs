using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using RiskDecision = TradingBot.Storage.Risk.RiskDecision;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

/// <summary>
/// ApplyRisk between an execution and its bookkeeping. ExecuteOrders fills at the venue (cash and base move there at
/// once), then RecordFills applies the OrderFilled (ledger position) and the final OrderUpdated (releases risk's
/// reservation) later, in any order. A decision taken in between must see the account as it really is: the same
/// equity and the same exposure as before the execution or after the bookkeeping. The paper account starts with
/// 10,000 USDT, BTC trades at 10 and ETH at 100 without fees; live defaults: 25 % of equity per entry, 25 % max per symbol, 5 % daily loss limit, 20 % drawdown.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ApplyRiskInterleavingTests(AzuriteFixture azurite) : IDisposable
{
    private const string Account = "paper-testex";
    private static readonly Symbol EthUsdt = Symbol.Parse("ETH/USDT");

    /// <summary>Open time of the bar that closed at 12:00 (the host's clock starts at 12:00:30).</summary>
    private static readonly DateTimeOffset LastBar = new(2026, 1, 10, 11, 59, 0, TimeSpan.Zero);

    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private static SignalRaised Signal(Symbol symbol, Candle candle, TargetPosition target) =>
        SignalRaised.For(CandleClosed.For(PipelineHost.VenueId, symbol, Timeframe.OneMinute, candle), symbol == EthUsdt ? "eth-cross" : Scenario.StrategyId,
            "sma-cross", new StrategySignal(target, "test"));

    private static Candle Bar(DateTimeOffset open, decimal close) => new(open, close, close, close, close, 1m);

    private async Task ConfigureAsync()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Paper.SetQuote(Scenario.BtcUsdt, 10m, 10m);
        _host.Paper.SetQuote(EthUsdt, 100m, 100m);
        _host.Paper.FeeRate = 0m;
    }

    /// <summary>The signal goes through ApplyRisk and ExecuteOrders: filled at the venue; returns what ExecuteOrders published, not yet recorded.</summary>
    private async Task<(OrderApproved Order, OrderFilled Fill, OrderUpdated Final)> ExecuteAsync(SignalRaised signal)
    {
        var order = Assert.Single((await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal)).Messages<OrderApproved>(ApplyRisk.Output));
        var reply = await _host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, order);
        var fill = Assert.Single(reply.Messages<OrderFilled>(ExecuteOrders.Output));
        var final = Assert.Single(reply.Messages<OrderUpdated>(ExecuteOrders.Output));
        return (order, fill, final);
    }

    private async Task RecordAsync<T>(T message)
        where T : IMessage =>
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, message)).Status);

    private async Task<RiskDecision> DecideAsync(SignalRaised signal)
    {
        await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);
        return (await _host.Service<RiskDecisionStore>().GetAsync(signal.Id, signal.CandleTime, default))!;
    }

    private async Task<RiskBook> BookAsync() => (await _host.Service<RiskStateStore>().GetAsync(Account, default))!;

    [Fact]
    public async Task ApplyRisk_OtherSymbolWhileAnEntryFillIsUnrecorded_SeesTheTrueEquity()
    {
        await ConfigureAsync();
        var btc = await ExecuteAsync(Signal(Scenario.BtcUsdt, Bar(LastBar, 10m), TargetPosition.Long));
        Assert.Equal(7_500m, _host.Paper.Balances["USDT"].Total);

        var eth = Signal(EthUsdt, Bar(LastBar, 100m), TargetPosition.Long);
        var decision = await DecideAsync(eth);

        Assert.True(decision.Approved, decision.Code + ": " + decision.Message);
        var order = Assert.Single(decision.Orders);
        Assert.Equal(2_500m, order.Amount * order.ReferencePrice);
        var book = await BookAsync();
        Assert.Empty(book.State.Halts);
        Assert.Equal(10_000m, book.DayStartEquity);
        Assert.Equal(2, book.Pending.Count);
        Assert.Contains(btc.Order.Id, book.Pending.Keys);
    }

    [Fact]
    public async Task ApplyRisk_OtherSymbolWhileAnExitFillIsUnrecorded_DoesNotRaiseTheEquityPeak()
    {
        await ConfigureAsync();
        var entry = await ExecuteAsync(Signal(Scenario.BtcUsdt, Bar(LastBar, 10m), TargetPosition.Long));
        await RecordAsync(entry.Fill);
        await RecordAsync(entry.Final);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await ExecuteAsync(Signal(Scenario.BtcUsdt, Bar(LastBar.AddMinutes(1), 10m), TargetPosition.Flat));
        Assert.Equal(10_000m, _host.Paper.Balances["USDT"].Total);

        var decision = await DecideAsync(Signal(EthUsdt, Bar(LastBar.AddMinutes(1), 100m), TargetPosition.Long));

        Assert.True(decision.Approved, decision.Code + ": " + decision.Message);
        Assert.Equal(2_500m, Assert.Single(decision.Orders).Amount * 100m);
        Assert.Equal(10_000m, (await BookAsync()).State.EquityPeak);
    }

    [Fact]
    public async Task ApplyRisk_SameSymbolAfterTheFinalUpdateButBeforeTheFill_IsStillLimitedByTheHeldPosition()
    {
        await ConfigureAsync();
        var btc = await ExecuteAsync(Signal(Scenario.BtcUsdt, Bar(LastBar, 10m), TargetPosition.Long));
        await RecordAsync(btc.Final);
        Assert.Empty((await BookAsync()).Pending);
        Assert.Empty(await _host.Service<LedgerStore>().GetPositionsAsync(Account, default));
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        var decision = await DecideAsync(Signal(Scenario.BtcUsdt, Bar(LastBar.AddMinutes(1), 10m), TargetPosition.Long));

        Assert.False(decision.Approved);
        Assert.Equal(RiskReason.MaxPosition.ToCode(), decision.Code);
        Assert.Empty((await BookAsync()).Pending);
    }

    [Fact]
    public async Task ApplyRisk_UtcDayRollsWhileAnEntryFillIsUnrecorded_TakesTheTrueEquityAsTheDayStart()
    {
        await ConfigureAsync();
        await ExecuteAsync(Signal(Scenario.BtcUsdt, Bar(LastBar, 10m), TargetPosition.Long));
        var lastBarOfTheDay = new DateTimeOffset(2026, 1, 10, 23, 59, 0, TimeSpan.Zero);
        _host.Time.SetUtcNow(lastBarOfTheDay.AddMinutes(1).AddSeconds(30));

        var decision = await DecideAsync(Signal(EthUsdt, Bar(lastBarOfTheDay, 100m), TargetPosition.Long));

        Assert.True(decision.Approved, decision.Code + ": " + decision.Message);
        var book = await BookAsync();
        Assert.Equal(new DateOnly(2026, 1, 11), book.Day);
        Assert.Equal(10_000m, book.DayStartEquity);
        Assert.Empty(book.State.Halts);
    }

    [Fact]
    public async Task ApplyRisk_ManySignalsForOneAccountAtOnce_EachDecidedOnItsFirstDelivery()
    {
        await ConfigureAsync();
        var signals = Enumerable.Range(0, 24)
            .Select(i => Signal(i % 2 == 0 ? Scenario.BtcUsdt : EthUsdt, Bar(LastBar.AddMinutes(-i / 2), i % 2 == 0 ? 10m : 100m),
                i % 4 < 2 ? TargetPosition.Long : TargetPosition.Flat))
            .ToList();

        // Every decision writes the account's one risk book: concurrent deliveries used to lose its ETag race until their
        // retries ran out and were redelivered (a burst exhausted the deliveries). Now they queue in the instance.
        var replies = await Task.WhenAll(signals.Select(s => _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, s)));

        Assert.All(replies, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.Status));
        foreach (var signal in signals)
        {
            Assert.NotNull(await _host.Service<RiskDecisionStore>().GetAsync(signal.Id, signal.CandleTime, default));
        }
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Functions.Pipeline;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

/// <summary>
/// The stages chained by hand the way Service Bus chains them (each output body delivered to the next subscription,
/// double-encoded like the host does): candles → signal → order → fills → position, then a stop-loss exit.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class PipelineEndToEndTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private Task<IReadOnlyList<string>> DeliverAllAsync(string function, string binding, IEnumerable<string> bodies, string output) =>
        _host.DeliverAllAsync(function, binding, bodies, output);

    /// <summary>Ingests the cross-up candles and runs them through every stage: a long position with a 10 % stop-loss.</summary>
    private async Task<(IReadOnlyList<string> Candles, IReadOnlyList<string> Signals, IReadOnlyList<string> Orders)> OpenPositionAsync()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Venue.SetCandles(Scenario.BtcUsdt, Core.Market.Timeframe.OneMinute, Scenario.CrossUp());

        var candles = (await _host.TickAsync(nameof(IngestMarketData))).Bodies(IngestMarketData.Output);
        var signals = await DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candles, EvaluateStrategies.Output);
        var orders = await DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signals, ApplyRisk.Output);
        var fills = await DeliverAllAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, orders, ExecuteOrders.Output);
        await DeliverAllAsync(nameof(RecordFills), RecordFills.Trigger, fills, "none");
        return (candles, signals, orders);
    }

    [Fact]
    public async Task Candles_FlowThroughEveryStage_IntoAPositionThenAStopLossExit()
    {
        var (candles, signals, orders) = await OpenPositionAsync();

        Assert.Equal(6, candles.Count);
        Assert.Equal(TargetPosition.Long, MessageJson.Deserialize<SignalRaised>(Assert.Single(signals)).Target);
        var order = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders));
        var ledger = _host.Service<LedgerStore>();
        var position = Assert.Single(await ledger.GetPositionsAsync("paper-testex", default));
        Assert.Equal(order.Amount, position.Quantity);
        Assert.Equal(12.01m, position.AverageCost);
        var book = (await _host.Service<RiskStateStore>().GetAsync("paper-testex", default))!;
        Assert.Empty(book.Pending);
        Assert.Equal(12.01m * 0.9m, book.State.ExitLevels[Scenario.BtcUsdt].StopLoss);

        // The next bar trades down through the 10 % stop-loss.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        _host.Venue.SetCandles(Scenario.BtcUsdt, Core.Market.Timeframe.OneMinute,
            [.. Scenario.CrossUp(), new Core.Market.Candle(Scenario.FirstBar.AddMinutes(6), 12m, 12m, 10m, 10.5m, 1m)]);
        _host.Paper.SetQuote(Scenario.BtcUsdt, 10.49m, 10.51m);
        var stopCandle = (await _host.TickAsync(nameof(IngestMarketData))).Bodies(IngestMarketData.Output);
        var exitSignals = await DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, stopCandle, EvaluateStrategies.Output);
        var exitOrders = await DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, exitSignals, ApplyRisk.Output);
        var exitFills = await DeliverAllAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, exitOrders, ExecuteOrders.Output);
        await DeliverAllAsync(nameof(RecordFills), RecordFills.Trigger, exitFills, "none");

        var exit = MessageJson.Deserialize<SignalRaised>(Assert.Single(exitSignals));
        Assert.Equal(ProtectiveExits.StrategyId, exit.StrategyId);
        Assert.Equal("stop-loss", exit.Strategy);
        var exitOrder = MessageJson.Deserialize<OrderApproved>(Assert.Single(exitOrders));
        Assert.Equal(OrderSide.Sell, exitOrder.Side);
        Assert.Equal(order.Amount, exitOrder.Amount);
        position = Assert.Single(await ledger.GetPositionsAsync("paper-testex", default));
        Assert.True(position.IsFlat);
        Assert.Equal(order.Amount * (10.49m - 12.01m), position.RealizedPnl + position.Fees);
        book = (await _host.Service<RiskStateStore>().GetAsync("paper-testex", default))!;
        Assert.Single(book.State.StopOuts);
        Assert.False(book.State.ExitLevels.ContainsKey(Scenario.BtcUsdt));
        Assert.All(exitFills.Select(MessageJson.PeekSchema), s => Assert.Contains(s, new[] { OrderFilled.SchemaName, OrderUpdated.SchemaName }));
    }

    [Fact]
    public async Task ACandleThatClosedBeforeThePositionsFill_DeliveredLate_NeitherHitsNorTrailsItsStop()
    {
        await OpenPositionAsync();
        var book = (await _host.Service<RiskStateStore>().GetAsync("paper-testex", default))!;
        // A bar from before the entry (it closed at 11:59, the fill was at 12:00:30) whose low is under the 10 % stop,
        // delivered only now (late, or evaluated again on a redelivery).
        var old = Scenario.Closed(new Core.Market.Candle(Scenario.FirstBar.AddMinutes(4), 11m, 11m, 10m, 10.5m, 1m));

        var reply = await _host.DeliverAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, old, deliveryCount: 2);

        Assert.DoesNotContain(reply.Messages<SignalRaised>(EvaluateStrategies.Output), s => s.StrategyId == ProtectiveExits.StrategyId);
        Assert.Equal(book.State.ExitLevels, (await _host.Service<RiskStateStore>().GetAsync("paper-testex", default))!.State.ExitLevels);
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Poison;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class RecordFillsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private static readonly TrackedOrder Order = new("ord-x", "tbx", "sig-x", "candle:x", Scenario.StrategyId, PipelineHost.VenueId, "paper-testex",
        TradingMode.Paper, Scenario.BtcUsdt, OrderSide.Buy, OrderType.Market, 1m, 100m, PipelineHost.Start);

    [Fact]
    public async Task Deliver_SameFillTwice_ChangesThePositionOnce()
    {
        var fill = OrderFilled.For(Order, new ExecutionFill("t1", 100m, 0.4m, 0.04m, "USDT", PipelineHost.Start));

        await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, fill);
        await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, fill, deliveryCount: 2);

        var ledger = _host.Service<LedgerStore>();
        var position = Assert.Single(await ledger.GetPositionsAsync("paper-testex", default));
        Assert.Equal(0.4m, position.Quantity);
        Assert.Equal(-0.04m, position.RealizedPnl);
        Assert.Equal(-40.04m, (await ledger.GetBalancesAsync("paper-testex", default))["USDT"]);
    }

    [Fact]
    public async Task Deliver_PartialFills_AccumulateIntoOnePosition()
    {
        await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, OrderFilled.For(Order, new ExecutionFill("t1", 100m, 0.4m, 0m, null, PipelineHost.Start)));
        await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, OrderFilled.For(Order, new ExecutionFill("t2", 110m, 0.6m, 0m, null, PipelineHost.Start)));

        var position = Assert.Single(await _host.Service<LedgerStore>().GetPositionsAsync("paper-testex", default));
        Assert.Equal(1m, position.Quantity);
        Assert.Equal(106m, position.AverageCost);
        Assert.Equal(2, position.FillCount);
    }

    [Fact]
    public async Task Deliver_MessageOfAnotherTopic_IsPoison()
    {
        var signal = SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^1]), "s", "sma-cross", StrategySignal.Long("x"));

        var reply = await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, signal);

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        var poison = Assert.Single(await _host.Service<PoisonStore>().ListAsync(nameof(RecordFills), default));
        Assert.Contains("not a fills-topic message", poison.Reason, StringComparison.Ordinal);
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Config;
using TradingBot.Storage.Ledger;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

/// <summary>The built-in <c>paper</c> venue: a simulated market for candles and a paper account in Table Storage for orders.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PaperVenueTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SimulatedMarket_FeedsCandles_RiskSizesTheOrder_ThePaperAccountFillsIt_TheLedgerRecordsIt()
    {
        await _host.Service<ConfigStore>().UpsertMarketAsync(new MarketConfig("paper", Scenario.BtcUsdt, Timeframe.OneMinute), default);

        var candles = (await _host.TickAsync(nameof(IngestMarketData))).Messages<CandleClosed>(IngestMarketData.Output);
        var signal = SignalRaised.For(candles[^1], "sim", "sma-cross", StrategySignal.Long("test"));
        var approved = await _host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signal);
        var order = Assert.Single(approved.Messages<OrderApproved>(ApplyRisk.Output));
        var fills = await _host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, Assert.Single(approved.Bodies(ApplyRisk.Output)));
        foreach (var body in fills.Bodies(ExecuteOrders.Output))
        {
            await _host.DeliverAsync(nameof(RecordFills), RecordFills.Trigger, body);
        }

        Assert.Equal(60, candles.Count);
        Assert.All(candles, c => Assert.Null(c.Candle.Validate()));
        var fill = Assert.Single(fills.Messages<OrderFilled>(ExecuteOrders.Output));
        Assert.Equal("paper", fill.Account);
        Assert.Equal(OrderSide.Buy, order.Side);
        Assert.InRange(order.Amount * order.ReferencePrice, 100m, 2_500m);
        Assert.Equal(order.Amount, fill.Amount);
        Assert.Equal(order.Amount, Assert.Single(await _host.Service<LedgerStore>().GetPositionsAsync("paper", default)).Quantity);
        Assert.Equal(0, _host.Paper.CreateCalls);
    }
}

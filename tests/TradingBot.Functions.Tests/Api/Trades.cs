using TradingBot.Core.Market;
using TradingBot.Functions.Functions;

namespace TradingBot.Functions.Tests.Api;

/// <summary>Real pipeline data for API tests: the <see cref="Scenario"/> cross-up traded through every stage (a signal, an approved order, its fill, a position).</summary>
internal static class Trades
{
    public static async Task<(IReadOnlyList<string> Candles, IReadOnlyList<string> Signals, IReadOnlyList<string> Orders, IReadOnlyList<string> Fills)> CrossUpAsync(
        PipelineHost host)
    {
        await Scenario.ConfigureAsync(host);
        host.Venue.SetCandles(Scenario.BtcUsdt, Timeframe.OneMinute, Scenario.CrossUp());
        var candles = (await host.TickAsync(nameof(IngestMarketData))).Bodies(IngestMarketData.Output);
        var signals = await host.DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, candles, EvaluateStrategies.Output);
        var orders = await host.DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signals, ApplyRisk.Output);
        var fills = await host.DeliverAllAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, orders, ExecuteOrders.Output);
        await host.DeliverAllAsync(nameof(RecordFills), RecordFills.Trigger, fills, "none");
        return (candles, signals, orders, fills);
    }
}

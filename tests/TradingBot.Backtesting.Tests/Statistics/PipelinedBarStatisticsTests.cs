using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Statistics;

/// <summary>
/// A long backtest feeds its per-bar statistics on a second thread that follows the loop: the statistics must be
/// exactly those of feeding them from the loop itself (same operations, same order), whatever the timing.
/// </summary>
public sealed class PipelinedBarStatisticsTests
{
    private static readonly Candle[] Long = [.. new GeometricBrownianMotion(seed: 7).Generate(150_000,
        new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1))];

    [Fact]
    public void Run_LongSeries_StatisticsOnASecondThreadEqualTheSequentialOnes()
    {
        var sequential = Backtest.Run(Long, new SmaCrossStrategy(10, 20), new BacktestOptions(), false, null, pipelineStatistics: false);
        var pipelined = Backtest.Run(Long, new SmaCrossStrategy(10, 20), new BacktestOptions(), false, null, pipelineStatistics: true);

        Assert.True(sequential.Trades.Count > 1_000);
        Assert.Equal(sequential.Statistics, pipelined.Statistics);
        Assert.Equal(sequential.Equity, pipelined.Equity);
    }

    [Fact]
    public void Run_LongSeriesLiquidatedHalfWay_StatisticsOnASecondThreadEqualTheSequentialOnes()
    {
        // Flat at 100, then the price rises to 250 under a short: equity reaches zero and the run stops at bar 120,000.
        var bars = new (decimal, decimal, decimal, decimal)[130_000];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = i < 120_000 ? (100m, 101m, 99m, 100m) : (100m, 260m, 100m, 250m);
        }

        var candles = Candles.FromOhlc(TimeSpan.FromMinutes(1), bars);
        var options = new BacktestOptions { Cash = 1_000m };
        var sequential = Backtest.Run(candles, ScriptedStrategy.At((1, TargetPosition.Short)), options, false, null, pipelineStatistics: false);
        var pipelined = Backtest.Run(candles, ScriptedStrategy.At((1, TargetPosition.Short)), options, false, null, pipelineStatistics: true);

        Assert.Equal(ExitReason.Liquidation, Assert.Single(pipelined.Trades).ExitReason);
        Assert.Equal(sequential.Statistics, pipelined.Statistics);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4_095)]
    [InlineData(4_096)]
    [InlineData(9_999)]
    public void Complete_AfterPublishingInBlocks_HasFedExactlyTheFinalBarsInOrder(int count)
    {
        var series = new CandleSeries(Long);
        var equity = Long.Select((c, i) => 10_000.0 + (i % 97) - (i % 13)).ToArray();
        var expected = StatisticsCalculator.CreateAccumulator(series);
        for (var i = 0; i < count; i++)
        {
            expected.Add(series.UtcTicks(i), equity[i], series.Close(i));
        }

        using var pipeline = new PipelinedBarStatistics<CandleSeries>(series, equity, StatisticsCalculator.CreateAccumulator(series));
        for (var published = 0; published < count; published += 1_000)
        {
            pipeline.Publish(published);
        }

        var fed = pipeline.Complete(count);

        Assert.Equal(count, fed.Count);
        Assert.Equal(expected.WeekendBars, fed.WeekendBars);
        Assert.Equal(expected.Beta, fed.Beta);
        Assert.Equal(expected.Drawdowns.MaxDrawdown, fed.Drawdowns.MaxDrawdown);
        Assert.Equal(expected.Drawdowns.Durations, fed.Drawdowns.Durations);
        Assert.Equal(expected.PeriodReturns(), fed.PeriodReturns());
    }

    [Fact]
    public async Task Dispose_WithoutComplete_StopsTheFollowingThread()
    {
        var series = new CandleSeries(Long);
        var pipeline = new PipelinedBarStatistics<CandleSeries>(series, new double[Long.Length], StatisticsCalculator.CreateAccumulator(series));
        pipeline.Publish(10);

        var dispose = Task.Run(pipeline.Dispose);

        var finished = await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(dispose, finished);
    }
}

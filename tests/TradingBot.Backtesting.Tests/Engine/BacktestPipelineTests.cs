using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Engine;

/// <summary>
/// A long backtest gives the strategy (ahead of the loop) and the per-bar statistics (behind it) to a second thread.
/// Whatever the timing, a run must produce exactly what the single-threaded loop produces: statistics, equity, trades,
/// plots, and the strategy's exceptions.
/// </summary>
public sealed class BacktestPipelineTests
{
    private static readonly Candle[] Long = [.. new GeometricBrownianMotion(seed: 7).Generate(150_000,
        new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1))];

    [Fact]
    public void Run_LongSeries_EqualsTheSingleThreadedRun()
    {
        var single = Run(Long, new SmaCrossStrategy(10, 20), pipeline: false);
        var pipelined = Run(Long, new SmaCrossStrategy(10, 20), pipeline: true);

        Assert.True(single.Trades.Count > 1_000);
        Assert.Equal(single.Statistics, pipelined.Statistics);
        Assert.Equal(single.Equity, pipelined.Equity);
        Assert.Equal(single.Trades, pipelined.Trades);
        Assert.Equal(single.Plots.Select(p => p.Values), pipelined.Plots.Select(p => p.Values));
    }

    [Fact]
    public void Run_LongSeriesLiquidatedHalfWay_EqualsTheSingleThreadedRunIncludingUnrecordedPlots()
    {
        // Flat at 100, then the price jumps to 250 under a short: equity reaches zero and the run stops at bar 120,000,
        // while the strategy on the second thread has already seen later bars.
        var bars = new (decimal, decimal, decimal, decimal)[130_000];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = i < 120_000 ? (100m, 101m, 99m, 100m) : (100m, 260m, 100m, 250m);
        }

        var candles = Candles.FromOhlc(TimeSpan.FromMinutes(1), bars);
        var single = Run(candles, new ShortOnceWithPlot(), pipeline: false, cash: 1_000m);
        var pipelined = Run(candles, new ShortOnceWithPlot(), pipeline: true, cash: 1_000m);

        Assert.Equal(ExitReason.Liquidation, Assert.Single(pipelined.Trades).ExitReason);
        Assert.Equal(single.Statistics, pipelined.Statistics);
        Assert.Equal(single.Equity, pipelined.Equity);
        Assert.Equal(single.Plots[0].Values, pipelined.Plots[0].Values);
        Assert.Equal(0, pipelined.Plots[0].Values[120_000]);
    }

    [Fact]
    public void Run_StrategyThrowsOnABar_ThrowsTheSameExceptionAsTheSingleThreadedRun()
    {
        var single = Assert.Throws<InvalidOperationException>(() => Run(Long, new ThrowsAt(100_123), pipeline: false));
        var pipelined = Assert.Throws<InvalidOperationException>(() => Run(Long, new ThrowsAt(100_123), pipeline: true));

        Assert.Equal("no data for bar 100123", single.Message);
        Assert.Equal(single.Message, pipelined.Message);
    }

    [Fact]
    public async Task Dispose_BeforeTheLoopIsDone_StopsTheWorker()
    {
        var pipeline = new BacktestPipeline(Long, new SmaCrossStrategy(10, 20), [], new double[Long.Length],
            StatisticsCalculator.CreateAccumulator(new CandleSeries(Long)));
        pipeline.LoopDone(10);

        var dispose = Task.Run(pipeline.Dispose);

        var finished = await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(dispose, finished);
    }

    private static BacktestResult Run(Candle[] candles, IStrategy strategy, bool pipeline, decimal cash = 10_000m) =>
        Backtest.Run(candles, strategy, new BacktestOptions { Cash = cash }, recordPlots: true, parameters: null, pipeline: pipeline);

    /// <summary>Goes short on bar 1 and plots the number of bars seen.</summary>
    private sealed class ShortOnceWithPlot : IStrategy
    {
        private int _seen;

        public string Name => "short-once";

        public int WarmupBars => 0;

        public IReadOnlyList<string> PlotNames => ["bars seen"];

        public StrategySignal? OnCandle(in Candle candle) => ++_seen == 2 ? StrategySignal.Short("test") : null;

        public double GetPlotValue(int index) => _seen;
    }

    /// <summary>Throws on one bar, as a strategy with a bug would.</summary>
    private sealed class ThrowsAt(int bar) : IStrategy
    {
        private int _seen = -1;

        public string Name => "throws";

        public int WarmupBars => 0;

        public IReadOnlyList<string> PlotNames => [];

        public StrategySignal? OnCandle(in Candle candle) =>
            ++_seen == bar ? throw new InvalidOperationException($"no data for bar {bar}") : null;

        public double GetPlotValue(int index) => double.NaN;
    }
}

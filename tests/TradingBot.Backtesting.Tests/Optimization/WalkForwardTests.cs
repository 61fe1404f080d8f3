using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Optimization;

public sealed class WalkForwardTests
{
    private static readonly Lazy<Core.Market.Candle[]> Goog = new(() => CsvCandleReader.ReadFile(RepositoryPaths.SharedFile("GOOG.csv")));

    private static WalkForward.Request Request(bool anchored = false) =>
        new(new GridSearch.Request(SmaCrossStrategy.Definition,
                [new ParameterRange("fast", [5, 10, 20]), new ParameterRange("slow", [20, 40, 60])], "sqn", new BacktestOptions())
            {
                Constraint = ConstraintExpression.Parse("fast < slow"),
            },
            InSampleBars: 500,
            OutOfSampleBars: 300)
        { Anchored = anchored };

    [Fact]
    public void Run_RollingWindows_CoverConsecutiveOutOfSampleRanges()
    {
        var result = WalkForward.Run(Goog.Value, Request());

        Assert.Equal((2148 - 500) / 300, result.Windows.Count);
        for (var i = 0; i < result.Windows.Count; i++)
        {
            var w = result.Windows[i];
            Assert.Equal((i * 300, 500 + (i * 300), 500 + (i * 300), 800 + (i * 300)), (w.InSampleStart, w.InSampleEnd, w.OutOfSampleStart, w.OutOfSampleEnd));
        }
    }

    [Fact]
    public void Run_Stitched_ContainsOnlyOutOfSampleBarsAndChainsEquity()
    {
        var result = WalkForward.Run(Goog.Value, Request());

        var stitched = result.Stitched;
        Assert.Equal(result.Windows.Count * 300, stitched.Candles.Count);
        Assert.Equal(Goog.Value[500].Time, stitched.Candles[0].Time);
        Assert.Equal(10_000, stitched.Equity[0]);
        Assert.Equal((double)result.Windows[0].OutOfSample.EquityFinal, stitched.Equity[299], 6);
        Assert.Equal(stitched.Equity[299], stitched.Equity[300], 6);
        Assert.All(stitched.Trades, t => Assert.InRange(t.EntryBar, 0, stitched.Candles.Count - 1));
        Assert.Equal(stitched.Statistics.EquityFinal, result.Windows[^1].OutOfSample.EquityFinal);
    }

    [Fact]
    public void Run_WindowParameters_AreTheInSampleBest()
    {
        var request = Request();
        var result = WalkForward.Run(Goog.Value, request);

        var first = GridSearch.Run(Goog.Value[..500], request.Grid);
        Assert.Equal(first.Best.Parameters.ToString(), result.Windows[0].Parameters.ToString());
    }

    [Fact]
    public void Run_Anchored_InSampleAlwaysStartsAtZero()
    {
        var result = WalkForward.Run(Goog.Value, Request(anchored: true));

        Assert.All(result.Windows, w => Assert.Equal(0, w.InSampleStart));
    }

    [Fact]
    public void Run_TooFewBars_ThrowsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => WalkForward.Run(Goog.Value[..600], Request()));

        Assert.Contains("not enough", error.Message, StringComparison.Ordinal);
    }
}

using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Reports;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Tests.Reports;

public sealed class HeatmapGridTests
{
    private static readonly StrategyParameter[] Declared =
    [
        new("a", 1, 0, 100, true, "first"), new("b", 1, 0, 100, true, "second"), new("c", 1, 0, 100, true, "third"),
    ];

    private static readonly BacktestStatistics Stats = ReportRuns.SmaCross(60).Statistics;

    [Fact]
    public void Build_ThreeParameters_EachCellIsTheBestScoreOverTheThirdParameter()
    {
        OptimizationRun[] runs = [Run(1, 1, 1, 0.5), Run(1, 1, 2, 2.5), Run(1, 1, 3, double.NaN), Run(2, 1, 1, -1)];

        var grid = HeatmapGrid.Build(runs, new("a", [1, 2]), new("b", [1, 2]));

        Assert.Equal([1.0, 2.0], grid.XValues);
        Assert.Equal([1.0, 2.0], grid.YValues);
        Assert.Equal(2.5, grid.Values[0, 0]);
        Assert.Equal(3, grid.Runs[0, 0]);
        Assert.Equal(-1, grid.Values[1, 0]);
        Assert.Equal((-1.0, 2.5), grid.Range());
    }

    [Fact]
    public void Build_PointsNotRun_HaveNoRunsAndNoValue()
    {
        OptimizationRun[] runs = [Run(1, 2, 1, 1.0)];

        var grid = HeatmapGrid.Build(runs, new("a", [1, 2]), new("b", [1, 2]));

        Assert.Equal(0, grid.Runs[1, 1]);
        Assert.True(double.IsNaN(grid.Values[1, 1]));
        Assert.Equal(1, grid.Runs[0, 1]);
    }

    [Fact]
    public void Build_EveryRunScoredNaN_CellIsNaNButCounted()
    {
        var grid = HeatmapGrid.Build([Run(1, 1, 1, double.NaN), Run(1, 1, 2, double.NaN)], new("a", [1]), new("b", [1]));

        Assert.True(double.IsNaN(grid.Values[0, 0]));
        Assert.Equal(2, grid.Runs[0, 0]);
        Assert.True(double.IsNaN(grid.Range().Min));
    }

    [Fact]
    public void Build_OneParameter_IsASingleRow()
    {
        var grid = HeatmapGrid.Build([Run(1, 1, 1, 3.0), Run(2, 1, 1, 4.0)], new("A", [1, 2]), null);

        Assert.Null(grid.YName);
        Assert.Single(grid.YValues);
        Assert.Equal([3.0, 4.0], [grid.Values[0, 0], grid.Values[1, 0]]);
    }

    private static OptimizationRun Run(double a, double b, double c, double score) =>
        new(StrategyParameters.Create(Declared, [new("a", a), new("b", b), new("c", c)]), Stats, score);
}

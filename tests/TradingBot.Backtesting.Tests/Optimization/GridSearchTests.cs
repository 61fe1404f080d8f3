using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Optimization;

public sealed class GridSearchTests
{
    private static readonly Lazy<Core.Market.Candle[]> Goog = new(() => CsvCandleReader.ReadFile(RepositoryPaths.SharedFile("GOOG.csv")));

    private static GridSearch.Request SmaGrid(string? constraint = "fast < slow", int? workers = null) =>
        new(SmaCrossStrategy.Definition,
            [new ParameterRange("fast", [5, 10, 15, 20, 25, 30, 35, 40, 45]), new ParameterRange("slow", [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])],
            "sqn",
            new BacktestOptions())
        {
            Constraint = constraint is null ? null : ConstraintExpression.Parse(constraint),
            MaxDegreeOfParallelism = workers,
        };

    [Fact]
    public void Expand_ConstraintFastBelowSlow_Keeps70Of90PointsInGridOrder()
    {
        var (points, excluded) = GridSearch.Expand(SmaGrid());

        Assert.Equal(70, points.Count);
        Assert.Equal(20, excluded);
        Assert.Equal("fast=5,slow=10", points[0].ToString());
        Assert.Equal("fast=5,slow=20", points[1].ToString());
        Assert.Equal("fast=45,slow=100", points[^1].ToString());
    }

    [Fact]
    public void Expand_ConstraintWithUnknownName_ThrowsNamingIt()
    {
        var request = SmaGrid("fast < slowest");

        var error = Assert.Throws<ArgumentException>(() => GridSearch.Expand(request));

        Assert.Contains("'slowest'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Goog_PicksTheHighestScoreAndItsFullBacktest()
    {
        var result = GridSearch.Run(Goog.Value, SmaGrid());

        Assert.Equal(70, result.Runs.Count);
        Assert.Equal(result.Runs.Max(r => r.Score), result.Best.Score);
        Assert.Equal(result.Best.Statistics, result.BestResult.Statistics with { });
        var direct = Backtest.Run(Goog.Value, SmaCrossStrategy.Definition.Create(result.Best.Parameters));
        Assert.Equal(direct.Statistics.EquityFinal, result.BestResult.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_OneWorkerOrMany_GivesIdenticalResults()
    {
        var sequential = GridSearch.Run(Goog.Value, SmaGrid(workers: 1));
        var parallel = GridSearch.Run(Goog.Value, SmaGrid(workers: 4));

        Assert.Equal(sequential.Runs.Select(r => (r.Parameters.ToString(), r.Score)), parallel.Runs.Select(r => (r.Parameters.ToString(), r.Score)));
        Assert.Equal(sequential.Best.Parameters.ToString(), parallel.Best.Parameters.ToString());
    }

    [Fact]
    public void Run_InvalidPointsWithoutConstraint_AreSkippedAndCounted()
    {
        var result = GridSearch.Run(Goog.Value, SmaGrid(constraint: null));

        Assert.Equal(70, result.Runs.Count);
        Assert.Equal(20, result.Excluded);
    }

    [Fact]
    public void Run_UnknownStatistic_Throws()
    {
        var request = SmaGrid() with { Maximize = "luck" };

        Assert.Throws<ArgumentException>(() => GridSearch.Run(Goog.Value, request));
    }

    [Theory]
    [InlineData(1.0, double.NaN, true)]
    [InlineData(double.NaN, 1.0, false)]
    [InlineData(1.0, 1.0, false)]
    [InlineData(2.0, 1.0, true)]
    [InlineData(-1.0, 1.0, false)]
    public void IsBetter_NaNRanksLastAndTiesKeepTheIncumbent(double candidate, double incumbent, bool expected)
    {
        Assert.Equal(expected, GridSearch.IsBetter(candidate, incumbent));
    }
}

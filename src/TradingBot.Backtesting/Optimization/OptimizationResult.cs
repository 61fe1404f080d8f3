using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// A finished grid search: every evaluated point in grid order, the best one (highest score; ties keep the first in
/// grid order) and the full backtest of the best point.
/// </summary>
public sealed class OptimizationResult
{
    public required string Strategy { get; init; }

    /// <summary>The statistic key maximised, e.g. <c>sqn</c>.</summary>
    public required string Maximize { get; init; }

    public required IReadOnlyList<ParameterRange> Ranges { get; init; }

    public required IReadOnlyList<OptimizationRun> Runs { get; init; }

    /// <summary>Grid points the constraint excluded (never run).</summary>
    public required int Excluded { get; init; }

    public required OptimizationRun Best { get; init; }

    public required BacktestResult BestResult { get; init; }
}

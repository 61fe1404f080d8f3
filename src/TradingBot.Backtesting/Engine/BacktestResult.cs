using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Engine;

/// <summary>Everything one backtest produced: statistics, the closed trades and the equity curve (one value per bar).</summary>
public sealed class BacktestResult
{
    public required string Strategy { get; init; }

    public required string Parameters { get; init; }

    public required BacktestOptions Options { get; init; }

    public required IReadOnlyList<Candle> Candles { get; init; }

    public required BacktestStatistics Statistics { get; init; }

    public required IReadOnlyList<BacktestTrade> Trades { get; init; }

    /// <summary>Mark-to-market equity at each bar's close (the last value after finalisation).</summary>
    public required double[] Equity { get; init; }

    /// <summary>Drawdown fraction per bar: 1 − E[i]/max(E[0..i]).</summary>
    public double[] Drawdown => StatisticsCalculator.Drawdowns(Equity);

    /// <summary>The strategy's warm-up (first bar with every indicator ready).</summary>
    public required int WarmupBars { get; init; }

    /// <summary>Indicator lines (name, value per bar) when the run recorded them for a report.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Plots { get; init; } = [];

    /// <summary>Orders the broker cancelled and other notes, with their bar.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Risk mode: every order the risk gate refused, in time order.</summary>
    public IReadOnlyList<BacktestRejection> Rejections { get; init; } = [];

    /// <summary>Risk mode: every halt and resume of trading (daily loss limit, drawdown breaker, kill switch), in time order.</summary>
    public IReadOnlyList<BacktestHalt> Halts { get; init; } = [];

    /// <summary>Risk mode: every gate decision (approvals and rejections) with its inputs.</summary>
    public IReadOnlyList<BacktestRiskDecision> RiskDecisions { get; init; } = [];
}

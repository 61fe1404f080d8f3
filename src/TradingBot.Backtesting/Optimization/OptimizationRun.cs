using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Optimization;

/// <summary>One evaluated grid point: its parameters, statistics and the score being maximised (NaN ranks last).</summary>
public sealed record OptimizationRun(StrategyParameters Parameters, BacktestStatistics Statistics, double Score);

using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// One walk-forward step: the in-sample bar range that was optimised, the out-of-sample range it was then traded on,
/// the parameters chosen, the in-sample score and the out-of-sample statistics. Ranges are [start, end) bar indexes.
/// </summary>
public sealed record WalkForwardWindow(
    int InSampleStart,
    int InSampleEnd,
    int OutOfSampleStart,
    int OutOfSampleEnd,
    StrategyParameters Parameters,
    double InSampleScore,
    BacktestStatistics OutOfSample);

using TradingBot.Core.Market;

namespace TradingBot.Core.Strategies;

/// <summary>
/// A trading strategy, shared unchanged by the backtester and the live EvaluateStrategies function. It is fed every
/// closed candle in order, keeps its own streaming indicator state, and answers with a signal or nothing. It never
/// sees a bar before that bar has closed, so look-ahead is impossible by construction.
/// </summary>
public interface IStrategy
{
    /// <summary>The catalog name, e.g. <c>sma-cross</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The zero-based index of the first bar on which every indicator has a value (backtesting.md's warm-up
    /// <c>w</c>: 29 for a 30-bar SMA). Signals are acted on from bar <c>w + 1</c>.
    /// </summary>
    int WarmupBars { get; }

    /// <summary>Names of the indicator lines the strategy can plot (report and dashboard overlays).</summary>
    IReadOnlyList<string> PlotNames { get; }

    /// <summary>Feeds the next closed candle. Returns the new target, or <see langword="null"/> to keep the current one.</summary>
    StrategySignal? OnCandle(in Candle candle);

    /// <summary>The current value of plot line <paramref name="index"/> (NaN while warming up).</summary>
    double GetPlotValue(int index);
}

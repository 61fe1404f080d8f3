using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// A walk-forward analysis: each window's choice and out-of-sample result, and the stitched out-of-sample run (the
/// out-of-sample segments traded one after another, each starting with the previous segment's final equity).
/// </summary>
public sealed class WalkForwardResult
{
    public required string Strategy { get; init; }

    public required string Maximize { get; init; }

    public required IReadOnlyList<WalkForwardWindow> Windows { get; init; }

    /// <summary>The stitched out-of-sample backtest: its candles, equity, trades and statistics.</summary>
    public required BacktestResult Stitched { get; init; }
}

using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// Rolling (or anchored) walk-forward optimisation. For each window: grid-search the in-sample bars, then trade the
/// best parameters on the following out-of-sample bars. The out-of-sample run is fed the strategy's warm-up bars
/// from just before the segment so its indicators are ready, but it can only trade inside the segment. Segments are
/// chained: each starts with the previous one's final equity. The stitched statistics cover only out-of-sample bars.
/// </summary>
public static class WalkForward
{
    public sealed record Request(GridSearch.Request Grid, int InSampleBars, int OutOfSampleBars)
    {
        /// <summary>Anchored: every in-sample window starts at bar 0 (expanding) instead of rolling.</summary>
        public bool Anchored { get; init; }
    }

    public static WalkForwardResult Run(IReadOnlyList<Candle> candles, Request request, IProgress<(int Window, int Windows)>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(request);
        var bars = candles as Candle[] ?? [.. candles];
        if (request.InSampleBars < 2 || request.OutOfSampleBars < 2)
        {
            throw new ArgumentException("In-sample and out-of-sample windows need at least 2 bars each.");
        }

        var windowCount = (bars.Length - request.InSampleBars) / request.OutOfSampleBars;
        if (windowCount < 1)
        {
            throw new ArgumentException(
                $"{bars.Length} bars are not enough for one window of {request.InSampleBars} in-sample + {request.OutOfSampleBars} out-of-sample bars.");
        }

        var windows = new List<WalkForwardWindow>();
        var stitchedCandles = new List<Candle>();
        var stitchedEquity = new List<double>();
        var stitchedTrades = new List<BacktestTrade>();
        var warnings = new List<string>();
        var cash = request.Grid.Options.Cash;
        for (var w = 0; w < windowCount; w++)
        {
            ct.ThrowIfCancellationRequested();
            var oosStart = request.InSampleBars + (w * request.OutOfSampleBars);
            var oosEnd = oosStart + request.OutOfSampleBars;
            var isStart = request.Anchored ? 0 : oosStart - request.InSampleBars;
            var optimisation = GridSearch.Run(bars[isStart..oosStart], request.Grid, ct: ct);
            var best = optimisation.Best;

            var strategy = request.Grid.Strategy.Create(best.Parameters);
            var warmup = Math.Min(strategy.WarmupBars + 1, oosStart);
            var segment = bars[(oosStart - warmup)..oosEnd];
            var options = request.Grid.Options with { Cash = cash };
            var result = Backtest.Run(segment, strategy, options, parameters: best.Parameters.ToString());

            // Keep only the out-of-sample bars; the engine trades from warm-up + 1, which is the first out-of-sample bar.
            for (var i = warmup; i < segment.Length; i++)
            {
                stitchedCandles.Add(segment[i]);
                stitchedEquity.Add(result.Equity[i]);
            }

            var shift = stitchedCandles.Count - segment.Length;
            foreach (var trade in result.Trades)
            {
                stitchedTrades.Add(trade with { EntryBar = trade.EntryBar + shift, ExitBar = trade.ExitBar + shift });
            }

            warnings.AddRange(result.Warnings.Select(m => $"window {w + 1}: {m}"));
            var oosStatistics = StatisticsCalculator.Compute(
                [.. segment[warmup..].Select(c => c.Time)], result.Equity[warmup..], [.. segment[warmup..].Select(c => (double)c.Close)],
                [.. result.Trades.Where(t => t.EntryBar >= warmup)], 0, result.Statistics.EquityFinal, options.RiskFreeRate);
            windows.Add(new WalkForwardWindow(isStart, oosStart, oosStart, oosEnd, best.Parameters, best.Score, oosStatistics));
            cash = result.Statistics.EquityFinal;
            if (cash <= 0m)
            {
                warnings.Add($"window {w + 1}: equity reached zero; walk-forward stopped.");
                break;
            }

            progress?.Report((w + 1, windowCount));
        }

        var times = stitchedCandles.Select(c => c.Time).ToArray();
        var closes = stitchedCandles.Select(c => (double)c.Close).ToArray();
        var equity = stitchedEquity.ToArray();
        var final = cash;
        var statistics = StatisticsCalculator.Compute(times, equity, closes, stitchedTrades, 0, final, request.Grid.Options.RiskFreeRate);
        var stitched = new BacktestResult
        {
            Strategy = request.Grid.Strategy.Name,
            Parameters = "walk-forward: " + string.Join(" | ", windows.Select(x => x.Parameters.ToString())),
            Options = request.Grid.Options,
            Candles = stitchedCandles,
            Statistics = statistics,
            Trades = stitchedTrades,
            Equity = equity,
            WarmupBars = 0,
            Warnings = warnings,
        };
        return new WalkForwardResult
        {
            Strategy = request.Grid.Strategy.Name,
            Maximize = request.Grid.Maximize,
            Windows = windows,
            Stitched = stitched,
        };
    }
}

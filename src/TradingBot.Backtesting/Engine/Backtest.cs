using System.Runtime.CompilerServices;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// The event-driven backtest loop of docs/backtesting.md. For each bar i: the broker fills queued orders against
/// bar i (from bar w+1 on), equity is marked at bar i's close, then the strategy sees bar i and may change its
/// target; the resulting orders fill on bar i+1 (or at bar i's close with trade-on-close).
/// </summary>
public static class Backtest
{
    public static BacktestResult Run(IReadOnlyList<Candle> candles, IStrategy strategy, BacktestOptions? options = null,
        bool recordPlots = false, string? parameters = null) =>
        Run(candles, strategy, options, recordPlots, parameters, pipeline: true);

    /// <param name="pipeline">
    /// Whether a long run may give the strategy and the per-bar statistics to a second thread
    /// (<see cref="BacktestPipeline"/>); callers that already keep every core busy (the grid search) say no.
    /// </param>
    internal static BacktestResult Run(IReadOnlyList<Candle> candles, IStrategy strategy, BacktestOptions? options,
        bool recordPlots, string? parameters, bool pipeline)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= new BacktestOptions();
        options.ThrowIfInvalid();
        var bars = candles as Candle[] ?? [.. candles];
        if (bars.Length == 0)
        {
            throw new ArgumentException("A backtest needs at least one candle.", nameof(candles));
        }

        var n = bars.Length;
        // Every element is written below (the loop marks each bar; a stopped run zeroes the rest): no need to clear it first.
        var equity = GC.AllocateUninitializedArray<double>(n);
        (string Name, double[] Values)[] plots = recordPlots ? [.. strategy.PlotNames.Select(name => (name, new double[n]))] : [];
        var broker = new SimulatedBroker(bars, options);
        var risk = options.Risk is null ? null : new RiskSimulation(bars, options, strategy.Name, broker);
        var start = strategy.WarmupBars + 1;
        var offset = (double)options.Cash;
        var size = 0.0;
        var stoppedAt = -1;
        var series = new CandleSeries(bars);
        var barStatistics = StatisticsCalculator.CreateAccumulator(series);
        using var second = pipeline && BacktestPipeline.IsWorthwhile(n)
            ? new BacktestPipeline(bars, strategy, plots, equity, barStatistics)
            : null;

        for (var i = 0; i < n; i++)
        {
            ref readonly var candle = ref bars[i];
            var close = (double)candle.Close;
            if (i >= start)
            {
                if (broker.HasOrders)
                {
                    broker.ProcessOrders(i);
                    offset = (double)broker.EquityOffset;
                    size = (double)broker.PositionSize;
                }

                var marked = offset + (size * close);
                if (marked <= 0 && broker.EquityAt(i) <= 0m)
                {
                    broker.Liquidate(i);
                    stoppedAt = i;
                    break;
                }

                equity[i] = marked;
            }
            else
            {
                equity[i] = offset;
            }

            if (i < n - 1)
            {
                // Bar i's equity is final (only the last bar's changes when trades are closed at the end).
                if (second is null)
                {
                    barStatistics.Add(candle.Time.UtcTicks, equity[i], close);
                }
                else if ((i & BacktestPipeline.ProgressMask) == BacktestPipeline.ProgressMask)
                {
                    second.LoopDone(i + 1);
                }
            }

            risk?.OnBarClosed(i);
            var signal = second is null ? Feed(strategy, bars, i, plots) : second.SignalOf(i);

            if (signal is { } s && i >= start)
            {
                if (risk is null)
                {
                    Apply(broker, s);
                }
                else
                {
                    risk.Apply(i, s);
                }
            }
        }

        decimal equityFinal;
        if (stoppedAt >= 0)
        {
            for (var i = stoppedAt; i < n; i++)
            {
                equity[i] = 0;
            }

            equityFinal = 0m;
        }
        else
        {
            if (options.FinalizeTrades && start < n)
            {
                // Close what is still open by running the broker once more on the last bar (reference behaviour).
                broker.CloseAll(ExitReason.End);
                broker.ProcessOrders(n - 1);
            }

            equityFinal = broker.EquityAt(n - 1);
            equity[n - 1] = (double)equityFinal;
        }

        (double[] Returns, double[] PnL)? tradeFigures = null;
        if (second is not null)
        {
            // Bars before the stop (or before the last bar) are final; the worker feeds what is left of them while this
            // thread works out the trades' figures, then Compute feeds the rest.
            second.Finish(stoppedAt >= 0 ? stoppedAt : n - 1);
            tradeFigures = StatisticsCalculator.TradeFigures(broker.ClosedTrades);
            barStatistics = second.Complete(stoppedAt >= 0 ? stoppedAt : n);
        }

        var statistics = StatisticsCalculator.Compute(series, equity, barStatistics, broker.ClosedTrades, strategy.WarmupBars,
            equityFinal, options.RiskFreeRate, tradeFigures);

        return new BacktestResult
        {
            Strategy = strategy.Name,
            Parameters = parameters ?? string.Empty,
            Options = options,
            Candles = bars,
            Statistics = statistics,
            Trades = broker.ClosedTrades,
            Equity = equity,
            WarmupBars = strategy.WarmupBars,
            Plots = plots,
            Warnings = broker.Warnings,
            Rejections = risk?.Rejections ?? [],
            Halts = risk?.Halts ?? [],
            RiskDecisions = risk?.Decisions ?? [],
        };
    }

    /// <summary>Feeds bar <paramref name="bar"/> to the strategy and records its plot values for that bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static StrategySignal? Feed(IStrategy strategy, Candle[] bars, int bar, (string Name, double[] Values)[] plots)
    {
        var signal = strategy.OnCandle(in bars[bar]);
        for (var p = 0; p < plots.Length; p++)
        {
            plots[p].Values[bar] = strategy.GetPlotValue(p);
        }

        return signal;
    }

    /// <summary>Turns a target position into orders: close what is held, then enter the new side with all margin.</summary>
    private static void Apply(SimulatedBroker broker, StrategySignal signal)
    {
        var current = Math.Sign(broker.PositionSize);
        var target = (int)signal.Target;
        if (current == target)
        {
            return;
        }

        broker.CancelPendingEntries();
        if (current != 0)
        {
            broker.CloseAll(ExitReason.Signal);
        }

        if (target != 0)
        {
            broker.PlaceEntry(target, 0m, SimulatedBroker.AllIn, null, null, null, null, signal.Reason);
        }
    }
}

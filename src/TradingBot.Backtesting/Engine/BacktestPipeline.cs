using System.Runtime.ExceptionServices;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// The second core's share of a long backtest. One worker thread runs the strategy <em>ahead</em> of the backtest
/// loop (a strategy sees only candles, never the broker, so its signals can be computed before the loop needs
/// them) and feeds the per-bar statistics <em>behind</em> it (drawdown episodes, beta's logarithms, period returns
/// of bars whose equity is final). The loop keeps the broker, the risk gate and the equity curve, and works out the
/// trade statistics' inputs while the worker finishes (<see cref="Finish"/>, then <see cref="Complete"/>). Together
/// the worker's jobs are about half of a plain run's work; on a machine with a spare core a long run finishes that
/// much sooner.
/// Every computation is the one the loop would do, in the same order on the same data, so the results are
/// bit-identical to a run without the pipeline.
/// </summary>
internal sealed class BacktestPipeline : IDisposable
{
    /// <summary>The loop reports its progress every this many bars plus one (a power of two minus one).</summary>
    internal const int ProgressMask = 1023;

    /// <summary>How far (in bars) the strategy may run ahead of the loop: the size of the signal ring.</summary>
    private const int Window = 1 << 15;

    /// <summary>The worker alternates between the two jobs in blocks of this many bars.</summary>
    private const int Block = 2048;

    private readonly Candle[] _bars;
    private readonly IStrategy _strategy;
    private readonly (string Name, double[] Values)[] _plots;
    private readonly double[] _equity;
    private readonly StrategySignal?[] _signals = new StrategySignal?[Window];
    private readonly Task _worker;
    private BarStatisticsAccumulator _statistics;
    private int _evaluated;
    private int _loopDone;
    private int _statisticsTarget = -1;
    private int _failedAt = int.MaxValue;
    private ExceptionDispatchInfo? _strategyFailure;
    private volatile bool _stopped;

    public BacktestPipeline(Candle[] bars, IStrategy strategy, (string Name, double[] Values)[] plots, double[] equity,
        BarStatisticsAccumulator statistics)
    {
        _bars = bars;
        _strategy = strategy;
        _plots = plots;
        _equity = equity;
        _statistics = statistics;
        _worker = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Whether a run over <paramref name="bars"/> bars is worth a second thread: long enough to repay starting one,
    /// and a second core to run it on.
    /// </summary>
    public static bool IsWorthwhile(int bars) => bars >= 100_000 && Environment.ProcessorCount > 1;

    /// <summary>
    /// The strategy's answer to bar <paramref name="bar"/> (waits for the worker if it is behind). Bars must be asked
    /// for in order. A strategy that threw on this bar throws here, as it would have in the loop.
    /// </summary>
    public StrategySignal? SignalOf(int bar)
    {
        if (Volatile.Read(ref _evaluated) <= bar)
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _evaluated) <= bar)
            {
                if (Volatile.Read(ref _strategyFailure) is { } failure && _failedAt <= bar)
                {
                    failure.Throw();
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        return _signals[bar & (Window - 1)];
    }

    /// <summary>
    /// The loop has finished bars [0, <paramref name="count"/>): their signals are taken and their equity values are
    /// final (never the last bar's, which changes when trades are closed at the end).
    /// </summary>
    public void LoopDone(int count) => Volatile.Write(ref _loopDone, count);

    /// <summary>
    /// Declares bars [0, <paramref name="count"/>) final and the run's signals all taken: the worker feeds what is
    /// left of their statistics and stops. The loop may do other work meanwhile, then call <see cref="Complete"/>.
    /// </summary>
    public void Finish(int count)
    {
        LoopDone(count);
        Volatile.Write(ref _statisticsTarget, count);
    }

    /// <summary>
    /// Waits until the worker has stopped and returns the accumulator (its <see cref="BarStatisticsAccumulator.Count"/>
    /// is then the count given to <see cref="Finish"/>). Plot values the strategy recorded for bars from
    /// <paramref name="barsRun"/> on (it ran ahead of a run that stopped early) are cleared, as the loop would never
    /// have recorded them.
    /// </summary>
    public BarStatisticsAccumulator Complete(int barsRun)
    {
        _worker.GetAwaiter().GetResult();
        foreach (var (_, values) in _plots)
        {
            Array.Clear(values, barsRun, values.Length - barsRun);
        }

        return _statistics;
    }

    private void Work()
    {
        var spinner = default(SpinWait);
        var n = _bars.Length;
        var evaluated = 0;
        while (!_stopped)
        {
            // Read the target before the progress: once the target is set, the progress already holds its last value.
            var target = Volatile.Read(ref _statisticsTarget);
            var loopDone = Volatile.Read(ref _loopDone);
            var progressed = false;

            // The strategy first, until it is well ahead: the loop waits for it, the statistics can wait.
            var limit = Math.Min(n, loopDone + Window);
            if (target < 0 && evaluated < limit && _strategyFailure is null)
            {
                evaluated = Evaluate(evaluated, Math.Min(limit, evaluated + Block));
                Volatile.Write(ref _evaluated, evaluated);
                if (evaluated < n && evaluated - loopDone < Window / 2 && _strategyFailure is null)
                {
                    spinner.Reset();
                    continue;
                }

                progressed = true;
            }

            var fed = _statistics.Count;
            var behind = Math.Min(loopDone, fed + Block);
            if (fed < behind)
            {
                for (var i = fed; i < behind; i++)
                {
                    _statistics.Add(_bars[i].Time.UtcTicks, _equity[i], (double)_bars[i].Close);
                }

                progressed = true;
            }

            if (!progressed && target >= 0 && fed >= target)
            {
                return;
            }

            if (progressed)
            {
                spinner.Reset();
            }
            else
            {
                spinner.SpinOnce(sleep1Threshold: 30);
            }
        }
    }

    /// <summary>Runs the strategy over bars [from, to); returns the first bar it has not answered.</summary>
    private int Evaluate(int from, int to)
    {
        var bar = from;
        try
        {
            for (; bar < to; bar++)
            {
                _signals[bar & (Window - 1)] = Backtest.Feed(_strategy, _bars, bar, _plots);
            }
        }
#pragma warning disable CA1031 // Not handled here: rethrown on the loop's thread when the loop reaches this bar.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failedAt = bar;
            Volatile.Write(ref _strategyFailure, ExceptionDispatchInfo.Capture(ex));
        }

        return bar;
    }

    /// <summary>Stops the worker (after <see cref="Complete"/> it has already stopped; otherwise the run failed).</summary>
    public void Dispose()
    {
        _stopped = true;
        if (!_worker.IsCompleted)
        {
            _worker.Wait();
        }
    }
}

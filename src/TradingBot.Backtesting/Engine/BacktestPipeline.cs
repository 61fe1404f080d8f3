using System.Runtime.ExceptionServices;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// The second core's share of a long backtest. One worker thread runs the strategy <em>ahead</em> of the backtest
/// loop (a strategy sees only candles, never the broker, so its signals can be computed before the loop needs
/// them), feeds the per-bar statistics <em>behind</em> it (drawdown episodes, beta's logarithms, period returns of
/// bars whose equity is final) and works out each closed trade's return and profit (<see cref="TradeFigures"/>).
/// The loop keeps the broker, the risk gate and the equity curve. Together the worker's jobs are about half of a
/// plain run's work; on a machine with a spare core a long run finishes that much sooner.
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
    private readonly TradeLog _trades;
    private readonly TradeFigures _figures = new();
    private readonly Task _worker;
    private BarStatisticsAccumulator _statistics;
    private int _evaluated;
    private int _loopDone;
    private int _tradesClosed;
    private int _statisticsTarget = -1;
    private int _failedAt = int.MaxValue;
    private ExceptionDispatchInfo? _strategyFailure;
    private volatile bool _stopped;

    public BacktestPipeline(Candle[] bars, IStrategy strategy, (string Name, double[] Values)[] plots, double[] equity,
        BarStatisticsAccumulator statistics, TradeLog trades)
    {
        _bars = bars;
        _trades = trades;
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
    /// final (never the last bar's, which changes when trades are closed at the end); <paramref name="tradesClosed"/>
    /// trades are in the trade log.
    /// </summary>
    public void LoopDone(int count, int tradesClosed)
    {
        Volatile.Write(ref _tradesClosed, tradesClosed);
        Volatile.Write(ref _loopDone, count);
    }

    /// <summary>
    /// Declares bars [0, <paramref name="count"/>) final, waits until their statistics are fed and the worker has
    /// stopped, and returns the accumulator (its <see cref="BarStatisticsAccumulator.Count"/> is then
    /// <paramref name="count"/>). Plot values the strategy recorded past <paramref name="count"/> + 1 bars (it ran
    /// ahead of a run that stopped early) are cleared, as the loop would never have recorded them. The trade figures
    /// returned hold the first trades of the log (complete them with <see cref="TradeFigures.Complete"/>).
    /// </summary>
    public (BarStatisticsAccumulator Statistics, TradeFigures Trades) Complete(int count, int barsRun)
    {
        LoopDone(count, _trades.Count);
        Volatile.Write(ref _statisticsTarget, count);
        _worker.GetAwaiter().GetResult();
        foreach (var (_, values) in _plots)
        {
            Array.Clear(values, barsRun, values.Length - barsRun);
        }

        return (_statistics, _figures);
    }

    private void Work()
    {
        var spinner = default(SpinWait);
        var n = _bars.Length;
        var evaluated = 0;
        while (!_stopped)
        {
            // Read the target before the progress: once the target is set, the progress already holds its last value
            // (and the trade count, written before the progress, its last value too).
            var target = Volatile.Read(ref _statisticsTarget);
            var loopDone = Volatile.Read(ref _loopDone);
            var tradesClosed = Volatile.Read(ref _tradesClosed);
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

            var figured = _figures.Count;
            var figure = Math.Min(tradesClosed, figured + (Block / 8));
            if (figured < figure)
            {
                for (var k = figured; k < figure; k++)
                {
                    _figures.Add(_trades.Published(k));
                }

                progressed = true;
            }

            if (!progressed && target >= 0 && fed >= target && figured >= tradesClosed)
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
                _signals[bar & (Window - 1)] = _strategy.OnCandle(in _bars[bar]);
                for (var p = 0; p < _plots.Length; p++)
                {
                    _plots[p].Values[bar] = _strategy.GetPlotValue(p);
                }
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

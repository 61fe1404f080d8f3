namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// Feeds a <see cref="BarStatisticsAccumulator"/> on a second thread while the backtest loop is still running: the
/// loop publishes how many bars are final (their equity will not change again), and this thread follows behind it,
/// reading the published equity values and the bars in the same order as the loop would have. The per-bar
/// statistics (drawdown episodes, beta's two logarithms, period returns) are about a third of a plain run's work, so
/// on a machine with a spare core a long backtest finishes that much sooner. The arithmetic is the same as feeding
/// the accumulator from the loop, in the same order, so the results are bit-identical.
/// </summary>
internal sealed class PipelinedBarStatistics<TBars> : IDisposable
    where TBars : struct, IBarSeries
{
    /// <summary>The loop publishes progress every this many bars (a power of two; one volatile write per block).</summary>
    internal const int PublishMask = 4095;

    private readonly TBars _bars;
    private readonly double[] _equity;
    private readonly Task _worker;
    private BarStatisticsAccumulator _accumulator;
    private int _published;
    private int _target = -1;
    private volatile bool _cancelled;

    public PipelinedBarStatistics(TBars bars, double[] equity, BarStatisticsAccumulator accumulator)
    {
        _bars = bars;
        _equity = equity;
        _accumulator = accumulator;
        _published = accumulator.Count;
        _worker = Task.Factory.StartNew(Follow, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Whether a run over <paramref name="bars"/> bars is worth a second thread: long enough to repay starting one,
    /// and a second core to run it on.
    /// </summary>
    public static bool IsWorthwhile(int bars) => bars >= 100_000 && Environment.ProcessorCount > 1;

    /// <summary>Bars [0, <paramref name="count"/>) are final: their equity values have been written.</summary>
    public void Publish(int count) => Volatile.Write(ref _published, count);

    /// <summary>
    /// Publishes bars [0, <paramref name="count"/>) as final, waits until they are fed, and returns the accumulator
    /// (whose <see cref="BarStatisticsAccumulator.Count"/> is then <paramref name="count"/>).
    /// </summary>
    public BarStatisticsAccumulator Complete(int count)
    {
        Publish(count);
        Volatile.Write(ref _target, count);
        _worker.GetAwaiter().GetResult();
        return _accumulator;
    }

    private void Follow()
    {
        var spinner = default(SpinWait);
        while (!_cancelled)
        {
            // Read the target before the progress: once the target is set, the progress already holds the last value.
            var target = Volatile.Read(ref _target);
            var available = Volatile.Read(ref _published);
            if (_accumulator.Count < available)
            {
                for (var i = _accumulator.Count; i < available; i++)
                {
                    _accumulator.Add(_bars.UtcTicks(i), _equity[i], _bars.Close(i));
                }

                spinner.Reset();
                continue;
            }

            if (target >= 0 && _accumulator.Count >= target)
            {
                return;
            }

            spinner.SpinOnce(sleep1Threshold: 30);
        }
    }

    /// <summary>Stops the worker (after <see cref="Complete"/> it has already finished; otherwise the run failed).</summary>
    public void Dispose()
    {
        _cancelled = true;
        if (!_worker.IsCompleted)
        {
            _worker.Wait();
        }
    }
}

using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// The largest drawdown and the drawdown episodes, fed one bar at a time without storing the drawdown series.
/// Episodes lie between consecutive bars where dd is 0 (plus the last bar) that are more than one bar apart.
/// Duration = time between those bars; peak = the largest dd in between (inclusive). An open drawdown counts,
/// ending at the last bar.
/// </summary>
internal struct DrawdownAccumulator()
{
    private double _runningPeak = double.MinValue;
    private int _anchor = -1;
    private long _anchorTicks;
    private double _episodeMax;

    public double MaxDrawdown { get; private set; }

    /// <summary>The largest equity fed so far (the equity peak once every bar is fed).</summary>
    public readonly double Peak => _runningPeak;

    public List<TimeSpan> Durations { get; } = [];

    public List<double> Peaks { get; } = [];

    // Runs once per bar: compiled fully optimised at once (a one-shot CLI run would otherwise spend its first
    // hundred thousand bars in unoptimised code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int index, long utcTicks, double equity, bool isLast)
    {
        double dd;
        if (equity >= _runningPeak)
        {
            // A new (or equal) peak: 1 − E/E is exactly 0, no division needed.
            _runningPeak = equity;
            dd = 0;
        }
        else
        {
            dd = _runningPeak > 0 ? 1 - (equity / _runningPeak) : 0;
        }

        MaxDrawdown = Math.Max(MaxDrawdown, dd);
        if (dd == 0 || isLast)
        {
            if (_anchor >= 0 && index > _anchor + 1)
            {
                Durations.Add(TimeSpan.FromTicks(utcTicks - _anchorTicks));
                Peaks.Add(Math.Max(_episodeMax, dd));
            }

            _anchor = index;
            _anchorTicks = utcTicks;
            _episodeMax = dd;
        }
        else
        {
            _episodeMax = Math.Max(_episodeMax, dd);
        }
    }
}

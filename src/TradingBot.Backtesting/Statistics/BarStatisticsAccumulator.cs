using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// The per-bar part of the statistics, fed one bar at a time in bar order: weekend share, period returns, drawdown
/// episodes and beta. The backtest feeds it from its own loop while the bar is at hand (the equity curve is not read
/// a second time); <see cref="StatisticsCalculator"/> feeds whatever bars are left.
/// </summary>
internal struct BarStatisticsAccumulator
{
    private readonly int _last;
    private PeriodReturnAccumulator _periodReturns;
    private DrawdownAccumulator _drawdowns;
    private BetaAccumulator _beta;
    private long _dayStart = long.MaxValue;
    private long _dayEnd = long.MinValue;
    private long _day;
    private int _isWeekend;

    public BarStatisticsAccumulator(TimeSpan period, int count)
    {
        Period = period;
        PeriodDays = (int)Math.Floor(period.TotalDays);
        _last = count - 1;
        _periodReturns = new PeriodReturnAccumulator(PeriodDays);
        _drawdowns = new DrawdownAccumulator();
        _beta = new BetaAccumulator();
    }

    /// <summary>The data period (median spacing of the last 100 timestamps).</summary>
    public TimeSpan Period { get; }

    public int PeriodDays { get; }

    /// <summary>Bars fed so far; the next bar to feed has this index.</summary>
    public int Count { get; private set; }

    public int WeekendBars { get; private set; }

    public readonly DrawdownAccumulator Drawdowns => _drawdowns;

    public readonly double Beta => _beta.Beta;

    public readonly List<double> PeriodReturns() => _periodReturns.Returns();

    // Runs once per bar: compiled fully optimised at once (a one-shot CLI run would otherwise spend its first
    // hundred thousand bars in unoptimised code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long utcTicks, double equity, double close)
    {
        if (utcTicks < _dayStart || utcTicks >= _dayEnd)
        {
            // A new day: its number and day of week, computed once per day instead of once per bar.
            _day = utcTicks / TimeSpan.TicksPerDay;
            _dayStart = _day * TimeSpan.TicksPerDay;
            _dayEnd = _dayStart + TimeSpan.TicksPerDay;

            // 1970-01-01 was a Thursday: day number + 4 modulo 7 is the day of week (0 = Sunday).
            var dayOfWeek = (int)((((utcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerDay % 7) + 11) % 7);
            _isWeekend = dayOfWeek is 0 or 6 ? 1 : 0;
        }

        WeekendBars += _isWeekend;
        _periodReturns.Add(utcTicks, _day, equity);
        _drawdowns.Add(Count, utcTicks, equity, Count == _last);
        _beta.Add(equity, close);
        Count++;
    }
}

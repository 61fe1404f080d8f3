using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// Equity resampled to calendar periods (day, or week/month/year for weekly/monthly/yearly data), last value per
/// period, fed one bar at a time; <see cref="Returns"/> gives the simple returns between consecutive periods.
/// </summary>
internal struct PeriodReturnAccumulator(int periodDays)
{
    private readonly List<double> _lastPerPeriod = [];
    private long _currentKey = long.MinValue;

    public void Add(long utcTicks, double equity) => Add(utcTicks, utcTicks / TimeSpan.TicksPerDay, equity);

    /// <summary>Adds a bar whose day number (<paramref name="utcTicks"/> / ticks per day) the caller already has.</summary>
    // Runs once per bar: compiled fully optimised at once (a one-shot CLI run would otherwise spend its first
    // hundred thousand bars in unoptimised code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long utcTicks, long day, double equity)
    {
        var key = periodDays is 7 or 31 or 365 ? PeriodKey(new DateTime(utcTicks, DateTimeKind.Utc), periodDays) : day;
        if (key != _currentKey)
        {
            _lastPerPeriod.Add(equity);
            _currentKey = key;
        }
        else
        {
            _lastPerPeriod[^1] = equity;
        }
    }

    public readonly List<double> Returns()
    {
        var returns = new List<double>(Math.Max(0, _lastPerPeriod.Count - 1));
        for (var i = 1; i < _lastPerPeriod.Count; i++)
        {
            returns.Add((_lastPerPeriod[i] / _lastPerPeriod[i - 1]) - 1);
        }

        return returns;
    }

    private static long PeriodKey(DateTime utc, int periodDays) => periodDays switch
    {
        // Weeks end on Sunday (Monday..Sunday belong together).
        7 => utc.Date.AddDays((7 - (int)utc.DayOfWeek) % 7).Ticks,
        31 => (utc.Year * 12L) + utc.Month,
        365 => utc.Year,
        _ => utc.Date.Ticks,
    };
}

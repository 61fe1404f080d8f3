using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// Computes <see cref="BacktestStatistics"/> from an equity curve, the closes and the closed trades, with exactly the
/// formulas of docs/backtesting.md (which follow backtesting.py 0.6.6's <c>compute_stats</c>).
/// </summary>
public static class StatisticsCalculator
{
    /// <summary>Below this annualised wealth factor (1+g)^N the compounded volatility has no meaningful digits left.</summary>
    internal const double DegenerateGrowthFactor = 1e-6;

    private const double SecondsPerDay = 86_400.0;

    public static BacktestStatistics Compute(
        IReadOnlyList<DateTimeOffset> times,
        IReadOnlyList<double> equity,
        IReadOnlyList<double> closes,
        IReadOnlyList<BacktestTrade> trades,
        int warmupBars,
        decimal equityFinal,
        double riskFreeRate = 0.0)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(closes);
        if (closes.Count != times.Count)
        {
            throw new ArgumentException("Statistics need at least one bar, with one equity value and one close per bar.");
        }

        var bars = new ListSeries(times, closes);
        return Compute(bars, equity as double[] ?? [.. equity], CreateAccumulator(bars), trades, warmupBars, equityFinal, riskFreeRate);
    }

    /// <summary>An empty per-bar accumulator for <paramref name="bars"/> (the data period is known from the times alone).</summary>
    internal static BarStatisticsAccumulator CreateAccumulator<TBars>(TBars bars)
        where TBars : struct, IBarSeries => new(DataPeriod(bars), bars.Count);

    /// <summary>
    /// The statistics over <paramref name="bars"/>. The per-bar quantities (weekend share, period returns, drawdowns,
    /// beta) come from <paramref name="accumulator"/>, which the caller may already have fed with the first bars; the
    /// rest are fed here. Each quantity sees the same operations in the same order as its own definition.
    /// <paramref name="tradeFigures"/>, when given, are <see cref="TradeFigures"/> of <paramref name="trades"/>.
    /// </summary>
    internal static BacktestStatistics Compute<TBars>(
        TBars bars,
        double[] equity,
        BarStatisticsAccumulator accumulator,
        IReadOnlyList<BacktestTrade> trades,
        int warmupBars,
        decimal equityFinal,
        double riskFreeRate,
        (double[] Returns, double[] PnL)? tradeFigures = null)
        where TBars : struct, IBarSeries
    {
        var n = bars.Count;
        if (n == 0 || equity.Length != n)
        {
            throw new ArgumentException("Statistics need at least one bar, with one equity value and one close per bar.");
        }

        var period = accumulator.Period;
        var resolution = Resolution(period);
        var startTime = new DateTimeOffset(bars.UtcTicks(0), TimeSpan.Zero);
        var endTime = new DateTimeOffset(bars.UtcTicks(n - 1), TimeSpan.Zero);
        var duration = endTime - startTime;

        var exposure = Exposure(trades, n);
        var e0 = equity[0];
        var eLast = equity[n - 1];
        var returnPct = ((eLast / e0) - 1.0) * 100.0;
        var w = Math.Clamp(warmupBars, 0, n - 1);
        var buyHoldPct = ((bars.Close(n - 1) / bars.Close(w)) - 1.0) * 100.0;

        for (var i = accumulator.Count; i < n; i++)
        {
            accumulator.Add(bars.UtcTicks(i), equity[i], bars.Close(i));
        }

        var periodDays = accumulator.PeriodDays;
        var weekendBars = accumulator.WeekendBars;
        var weekendShare = weekendBars / (double)n;
        var factor = periodDays switch
        {
            7 => 52,
            31 => 12,
            365 => 1,
            _ => weekendShare > 2.0 / 7.0 * 0.6 ? 365 : 252,
        };
        var returns = accumulator.PeriodReturns();
        // The first period has no previous value; the reference counts it as a 0 % return in the geometric mean
        // (and only there: variance and downside deviation use the defined returns).
        var g = GeometricMean([0.0, .. returns]);
        var annualReturn = Math.Pow(1 + g, factor) - 1;
        var variance = SampleVariance(returns);
        var growth = Math.Pow(1 + g, factor);
        string? volatilityNote = null;
        double annualVolatility;
        if (growth < DegenerateGrowthFactor)
        {
            annualVolatility = double.NaN;
            volatilityNote =
                $"Annualised volatility and Sharpe are not reported: the annualised wealth factor (1+g)^{factor} = {growth:G3} " +
                "leaves the compounded-variance formula without significant digits.";
        }
        else
        {
            annualVolatility = Math.Sqrt(Math.Pow(variance + Math.Pow(1 + g, 2), factor) - Math.Pow(1 + g, 2 * factor));
        }

        var years = (duration.Days + (duration.Seconds / SecondsPerDay)) / 365.25;
        var cagr = years != 0 ? (Math.Pow(eLast / e0, 1 / years) - 1) * 100 : double.NaN;
        var annualReturnPct = annualReturn * 100;
        var annualVolatilityPct = annualVolatility * 100;
        var sharpe = annualVolatilityPct == 0 ? double.NaN : (annualReturnPct - (riskFreeRate * 100)) / annualVolatilityPct;
        var downside = Math.Sqrt(returns.Count == 0 ? double.NaN : returns.Average(r => r < 0 ? r * r : 0.0)) * Math.Sqrt(factor);
        var sortino = downside == 0 ? double.NaN : (annualReturn - riskFreeRate) / downside;

        var drawdowns = accumulator.Drawdowns;
        var peak = drawdowns.Peak;
        var maxDrawdown = drawdowns.MaxDrawdown;
        var episodeDurations = drawdowns.Durations;
        var episodePeaks = drawdowns.Peaks;
        var calmar = maxDrawdown == 0 ? double.NaN : annualReturn / maxDrawdown;

        var betaValue = accumulator.Beta;
        var alpha = returnPct - (riskFreeRate * 100) - (betaValue * (buyHoldPct - (riskFreeRate * 100)));

        var (tradeReturns, pnl) = tradeFigures ?? TradeFigures(trades);
        var tradeCount = trades.Count;
        var winRate = tradeCount == 0 ? double.NaN : pnl.Count(p => p > 0) / (double)tradeCount;
        var wins = pnl.Where(p => p > 0).ToArray();
        var losses = pnl.Where(p => p < 0).ToArray();
        var payoff = wins.Length == 0 || losses.Length == 0 ? double.NaN : wins.Average() / -losses.Average();
        var positiveSum = tradeReturns.Where(r => r > 0).Sum();
        var negativeSum = Math.Abs(tradeReturns.Where(r => r < 0).Sum());
        var pnlStd = Math.Sqrt(SampleVariance(pnl));

        return new BacktestStatistics
        {
            Start = startTime,
            End = endTime,
            DurationDays = duration.TotalDays,
            ExposureTimePct = exposure * 100,
            EquityFinal = equityFinal,
            EquityPeak = (decimal)peak,
            Commissions = trades.Sum(t => t.Commission),
            ReturnPct = returnPct,
            BuyHoldReturnPct = buyHoldPct,
            ReturnAnnPct = annualReturnPct,
            VolatilityAnnPct = annualVolatilityPct,
            CagrPct = cagr,
            Sharpe = sharpe,
            Sortino = sortino,
            Calmar = calmar,
            AlphaPct = alpha,
            Beta = betaValue,
            MaxDrawdownPct = -maxDrawdown * 100,
            AvgDrawdownPct = episodePeaks.Count == 0 ? double.NaN : -episodePeaks.Average() * 100,
            MaxDrawdownDurationDays = episodeDurations.Count == 0 ? double.NaN : Ceil(episodeDurations.Max(), resolution).TotalDays,
            AvgDrawdownDurationDays = episodeDurations.Count == 0 ? double.NaN : Ceil(Mean(episodeDurations), resolution).TotalDays,
            Trades = tradeCount,
            WinRatePct = winRate * 100,
            BestTradePct = tradeCount == 0 ? double.NaN : tradeReturns.Max() * 100,
            WorstTradePct = tradeCount == 0 ? double.NaN : tradeReturns.Min() * 100,
            AvgTradePct = tradeCount == 0 ? double.NaN : GeometricMean(tradeReturns) * 100,
            MaxTradeDurationDays = tradeCount == 0 ? double.NaN : Ceil(trades.Max(t => t.Duration), resolution).TotalDays,
            AvgTradeDurationDays = tradeCount == 0 ? double.NaN : Ceil(Mean(trades.Select(t => t.Duration).ToList()), resolution).TotalDays,
            ProfitFactor = negativeSum == 0 ? double.NaN : positiveSum / negativeSum,
            ExpectancyPct = tradeCount == 0 ? double.NaN : tradeReturns.Average() * 100,
            Sqn = pnlStd == 0 || double.IsNaN(pnlStd) ? double.NaN : Math.Sqrt(tradeCount) * pnl.Average() / pnlStd,
            KellyCriterion = winRate - ((1 - winRate) / payoff),
            AnnualizationFactor = factor,
            VolatilityNote = volatilityNote,
        };
    }

    /// <summary>Each trade's return and profit as doubles (exact decimal arithmetic per trade, a division each).</summary>
    internal static (double[] Returns, double[] PnL) TradeFigures(IReadOnlyList<BacktestTrade> trades)
    {
        var returns = new double[trades.Count];
        var pnl = new double[trades.Count];
        for (var i = 0; i < returns.Length; i++)
        {
            var trade = trades[i];
            returns[i] = (double)trade.ReturnPct;
            pnl[i] = (double)trade.PnL;
        }

        return (returns, pnl);
    }

    /// <summary>The data period: the median spacing of the last 100 timestamps.</summary>
    internal static TimeSpan DataPeriod(IReadOnlyList<DateTimeOffset> times) => DataPeriod(new ListSeries(times, []));

    private static TimeSpan DataPeriod<TBars>(TBars bars)
        where TBars : struct, IBarSeries
    {
        var count = bars.Count;
        var from = Math.Max(0, count - 100);
        var diffs = new List<long>();
        for (var i = from + 1; i < count; i++)
        {
            diffs.Add(bars.UtcTicks(i) - bars.UtcTicks(i - 1));
        }

        if (diffs.Count == 0)
        {
            return TimeSpan.Zero;
        }

        diffs.Sort();
        var mid = diffs.Count / 2;
        return TimeSpan.FromTicks(diffs.Count % 2 == 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2);
    }

    /// <summary>
    /// The smallest non-zero time unit of the data period (days for daily data, minutes for minute bars):
    /// durations are rounded up to it, as the reference does.
    /// </summary>
    internal static TimeSpan Resolution(TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            return TimeSpan.FromDays(1);
        }

        (long Component, TimeSpan Unit)[] components =
        [
            (period.Ticks % 10, TimeSpan.FromTicks(1)),
            (period.Ticks / 10 % 1000, TimeSpan.FromMicroseconds(1)),
            (period.Milliseconds, TimeSpan.FromMilliseconds(1)),
            (period.Seconds, TimeSpan.FromSeconds(1)),
            (period.Minutes, TimeSpan.FromMinutes(1)),
            (period.Hours, TimeSpan.FromHours(1)),
        ];
        return components.FirstOrDefault(c => c.Component != 0).Unit is { Ticks: > 0 } unit ? unit : TimeSpan.FromDays(1);
    }

    internal static TimeSpan Ceil(TimeSpan value, TimeSpan resolution) =>
        TimeSpan.FromTicks((long)Math.Ceiling(value.Ticks / (double)resolution.Ticks) * resolution.Ticks);

    /// <summary>Equity resampled to calendar periods, then simple returns between consecutive periods (see <see cref="PeriodReturnAccumulator"/>).</summary>
    internal static List<double> PeriodReturns(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> equity, int periodDays)
    {
        var accumulator = new PeriodReturnAccumulator(periodDays);
        for (var i = 0; i < times.Count; i++)
        {
            accumulator.Add(times[i].UtcTicks, equity[i]);
        }

        return accumulator.Returns();
    }

    /// <summary><c>exp(mean(ln(1+r))) − 1</c>, or 0 when any <c>1+r ≤ 0</c> (NaN when there are no values).</summary>
    internal static double GeometricMean(IReadOnlyCollection<double> returns)
    {
        if (returns.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var r in returns)
        {
            if (1 + r <= 0)
            {
                return 0;
            }

            sum += Math.Log(1 + r);
        }

        return Math.Exp(sum / returns.Count) - 1;
    }

    internal static double SampleVariance(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    /// <summary><c>dd[i] = 1 − E[i] / max(E[0..i])</c>.</summary>
    internal static double[] Drawdowns(IReadOnlyList<double> equity)
    {
        var dd = new double[equity.Count];
        var peak = double.MinValue;
        for (var i = 0; i < equity.Count; i++)
        {
            peak = Math.Max(peak, equity[i]);
            dd[i] = peak > 0 ? 1 - (equity[i] / peak) : 0;
        }

        return dd;
    }

    /// <summary>Share of bars covered by a trade (entry bar to exit bar inclusive).</summary>
    internal static double Exposure(IReadOnlyList<BacktestTrade> trades, int bars)
    {
        // Union of the [entry, exit] bar intervals, merged in entry order.
        var covered = 0L;
        var end = -1;
        var intervals = new (int Entry, int Exit)[trades.Count];
        var sorted = true;
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = (trades[i].EntryBar, Math.Min(trades[i].ExitBar, bars - 1));
            sorted &= i == 0 || intervals[i - 1].CompareTo(intervals[i]) <= 0;
        }

        if (!sorted)
        {
            // Trades close in time order, so they are usually sorted already; equal intervals are interchangeable.
            Array.Sort(intervals);
        }

        foreach (var (entry, exit) in intervals)
        {
            if (exit < entry || exit <= end)
            {
                continue;
            }

            covered += exit - Math.Max(entry, end + 1) + 1;
            end = exit;
        }

        return covered / (double)bars;
    }

    private static TimeSpan Mean(IReadOnlyList<TimeSpan> values) =>
        TimeSpan.FromTicks((long)values.Average(v => (double)v.Ticks));
}

using System.Globalization;

namespace TradingBot.Backtesting.Statistics;

/// <summary>One row of the statistics table: JSON key, printed label, how it is computed, and its formatted value.</summary>
public sealed record StatisticDefinition(string Key, string Label, string Definition, Func<BacktestStatistics, string> Format);

/// <summary>
/// Every statistic with the definition printed next to it (CLI table, HTML report). The wording states exactly the
/// formula used, because tools disagree (e.g. Sharpe) and traders must know which one they are reading.
/// </summary>
public static class StatisticDefinitions
{
    public static IReadOnlyList<StatisticDefinition> All { get; } =
    [
        new("start", "Start", "Time of the first bar.", s => Time(s.Start)),
        new("end", "End", "Time of the last bar.", s => Time(s.End)),
        new("durationDays", "Duration", "End − Start.", s => Days(s.DurationDays)),
        new("exposureTimePct", "Exposure Time [%]", "Share of bars covered by a trade (entry bar to exit bar inclusive); counts bars, not calendar time.", s => Number(s.ExposureTimePct)),
        new("equityFinal", "Equity Final [$]", "Equity at the last bar after open trades were closed (if finalising).", s => Money(s.EquityFinal)),
        new("equityPeak", "Equity Peak [$]", "Highest equity at any bar close.", s => Money(s.EquityPeak)),
        new("commissions", "Commissions [$]", "Sum of entry and exit commissions of all closed trades.", s => Money(s.Commissions)),
        new("returnPct", "Return [%]", "(E[last] / E[0] − 1) · 100.", s => Number(s.ReturnPct)),
        new("buyHoldReturnPct", "Buy & Hold Return [%]", "(Close[last] / Close[w] − 1) · 100, w = the strategy's warm-up bar.", s => Number(s.BuyHoldReturnPct)),
        new("returnAnnPct", "Return (Ann.) [%]", "((1 + g)^N − 1) · 100, g = geometric mean of period returns (daily, compounded from intraday; weekly/monthly/yearly for such data), N = 252, or 365 when weekends trade (also 52/12/1).", s => Number(s.ReturnAnnPct)),
        new("volatilityAnnPct", "Volatility (Ann.) [%]", "sqrt((s² + (1+g)²)^N − (1+g)^(2N)) · 100, s² = sample variance of period returns (compounded, not s·√N). Not reported when (1+g)^N < 1e-6.", s => Number(s.VolatilityAnnPct)),
        new("cagrPct", "CAGR [%]", "((E[last] / E[0])^(1/years) − 1) · 100, years = duration in days / 365.25.", s => Number(s.CagrPct)),
        new("sharpe", "Sharpe Ratio", "(Return (Ann.) − risk-free) / Volatility (Ann.).", s => Number(s.Sharpe)),
        new("sortino", "Sortino Ratio", "(Ann. return − risk-free) / (sqrt(mean(min(r, 0)²)) · √N), averaged over all periods.", s => Number(s.Sortino)),
        new("calmar", "Calmar Ratio", "Ann. return / max drawdown (fractions).", s => Number(s.Calmar)),
        new("alphaPct", "Alpha [%]", "Return − risk-free − β · (Buy & Hold − risk-free) (Jensen).", s => Number(s.AlphaPct)),
        new("beta", "Beta", "cov(log equity returns, log close returns) / var(log close returns), per bar.", s => Number(s.Beta)),
        new("maxDrawdownPct", "Max. Drawdown [%]", "−max(1 − E[i] / max(E[0..i])) · 100.", s => Number(s.MaxDrawdownPct)),
        new("avgDrawdownPct", "Avg. Drawdown [%]", "−mean of drawdown episode peaks · 100 (episodes between equity highs; an open one counts).", s => Number(s.AvgDrawdownPct)),
        new("maxDrawdownDurationDays", "Max. Drawdown Duration", "Longest drawdown episode, rounded up to the data resolution.", s => Days(s.MaxDrawdownDurationDays)),
        new("avgDrawdownDurationDays", "Avg. Drawdown Duration", "Mean drawdown episode length, rounded up to the data resolution.", s => Days(s.AvgDrawdownDurationDays)),
        new("trades", "# Trades", "Closed trades (open ones are closed at the end when finalising).", s => s.Trades.ToString(CultureInfo.InvariantCulture)),
        new("winRatePct", "Win Rate [%]", "Share of trades with PnL > 0.", s => Number(s.WinRatePct)),
        new("bestTradePct", "Best Trade [%]", "Highest trade return.", s => Number(s.BestTradePct)),
        new("worstTradePct", "Worst Trade [%]", "Lowest trade return.", s => Number(s.WorstTradePct)),
        new("avgTradePct", "Avg. Trade [%]", "Geometric mean of trade returns.", s => Number(s.AvgTradePct)),
        new("maxTradeDurationDays", "Max. Trade Duration", "Longest exit − entry time, rounded up to the data resolution.", s => Days(s.MaxTradeDurationDays)),
        new("avgTradeDurationDays", "Avg. Trade Duration", "Mean exit − entry time, rounded up to the data resolution.", s => Days(s.AvgTradeDurationDays)),
        new("profitFactor", "Profit Factor", "Σ positive trade returns / |Σ negative trade returns| (percent returns, not cash).", s => Number(s.ProfitFactor)),
        new("expectancyPct", "Expectancy [%]", "Arithmetic mean of trade returns.", s => Number(s.ExpectancyPct)),
        new("sqn", "SQN", "√n · mean(PnL) / std(PnL), cash PnL, sample std.", s => Number(s.Sqn)),
        new("kellyCriterion", "Kelly Criterion", "W − (1 − W) / (mean winning PnL / mean losing |PnL|), W = win rate.", s => Number(s.KellyCriterion)),
    ];

    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00########", CultureInfo.InvariantCulture);

    /// <summary>A date for midnight times (daily data), else date and time, in UTC.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A duration given in days, e.g. <c>3 days</c> or <c>520 days 17:08:00</c>. The day count is a double, so a whole
    /// number of minutes comes back a hair short (…17:07:59.9999999): it is rounded to the millisecond first.
    /// </summary>
    internal static string Days(double days)
    {
        if (double.IsNaN(days))
        {
            return "NaN";
        }

        var span = TimeSpan.FromMilliseconds(Math.Round(days * TimeSpan.FromDays(1).TotalMilliseconds));
        return span.TotalDays == Math.Floor(span.TotalDays)
            ? $"{span.TotalDays.ToString("0", CultureInfo.InvariantCulture)} days"
            : $"{span.Days} days {span:hh\\:mm\\:ss}";
    }
}

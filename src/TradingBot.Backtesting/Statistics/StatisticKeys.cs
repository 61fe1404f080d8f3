namespace TradingBot.Backtesting.Statistics;

/// <summary>Numeric statistics by their JSON key (<c>sqn</c>, <c>sharpe</c>, <c>returnPct</c>...), for optimisation targets.</summary>
public static class StatisticKeys
{
    private static readonly Dictionary<string, Func<BacktestStatistics, double>> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["durationDays"] = s => s.DurationDays,
        ["exposureTimePct"] = s => s.ExposureTimePct,
        ["equityFinal"] = s => (double)s.EquityFinal,
        ["equityPeak"] = s => (double)s.EquityPeak,
        ["returnPct"] = s => s.ReturnPct,
        ["buyHoldReturnPct"] = s => s.BuyHoldReturnPct,
        ["returnAnnPct"] = s => s.ReturnAnnPct,
        ["volatilityAnnPct"] = s => s.VolatilityAnnPct,
        ["cagrPct"] = s => s.CagrPct,
        ["sharpe"] = s => s.Sharpe,
        ["sortino"] = s => s.Sortino,
        ["calmar"] = s => s.Calmar,
        ["alphaPct"] = s => s.AlphaPct,
        ["beta"] = s => s.Beta,
        ["maxDrawdownPct"] = s => s.MaxDrawdownPct,
        ["avgDrawdownPct"] = s => s.AvgDrawdownPct,
        ["maxDrawdownDurationDays"] = s => s.MaxDrawdownDurationDays,
        ["avgDrawdownDurationDays"] = s => s.AvgDrawdownDurationDays,
        ["trades"] = s => s.Trades,
        ["winRatePct"] = s => s.WinRatePct,
        ["bestTradePct"] = s => s.BestTradePct,
        ["worstTradePct"] = s => s.WorstTradePct,
        ["avgTradePct"] = s => s.AvgTradePct,
        ["maxTradeDurationDays"] = s => s.MaxTradeDurationDays,
        ["avgTradeDurationDays"] = s => s.AvgTradeDurationDays,
        ["profitFactor"] = s => s.ProfitFactor,
        ["expectancyPct"] = s => s.ExpectancyPct,
        ["sqn"] = s => s.Sqn,
        ["kellyCriterion"] = s => s.KellyCriterion,
    };

    public static IEnumerable<string> Names => Values.Keys;

    public static bool TryGet(string key, out Func<BacktestStatistics, double> value) => Values.TryGetValue(key, out value!);

    public static Func<BacktestStatistics, double> Get(string key) =>
        TryGet(key, out var value)
            ? value
            : throw new ArgumentException($"Unknown statistic '{key}'. Known: {string.Join(", ", Names)}.", nameof(key));
}

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// The summary statistics of one run, named as in the CLI's JSON output. Percentages are in percent (12.5 = 12.5 %),
/// durations in days; <see cref="double.NaN"/> means "not defined for this run" (serialized as null).
/// Definitions: docs/backtesting.md (our copy of the reference formulas).
/// </summary>
public sealed record BacktestStatistics
{
    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required double DurationDays { get; init; }

    public required double ExposureTimePct { get; init; }

    public required decimal EquityFinal { get; init; }

    public required decimal EquityPeak { get; init; }

    /// <summary>Sum of all closed trades' commissions (not one of the JSON stats keys; printed in the table).</summary>
    public required decimal Commissions { get; init; }

    public required double ReturnPct { get; init; }

    public required double BuyHoldReturnPct { get; init; }

    public required double ReturnAnnPct { get; init; }

    public required double VolatilityAnnPct { get; init; }

    public required double CagrPct { get; init; }

    public required double Sharpe { get; init; }

    public required double Sortino { get; init; }

    public required double Calmar { get; init; }

    public required double AlphaPct { get; init; }

    public required double Beta { get; init; }

    public required double MaxDrawdownPct { get; init; }

    public required double AvgDrawdownPct { get; init; }

    public required double MaxDrawdownDurationDays { get; init; }

    public required double AvgDrawdownDurationDays { get; init; }

    public required int Trades { get; init; }

    public required double WinRatePct { get; init; }

    public required double BestTradePct { get; init; }

    public required double WorstTradePct { get; init; }

    public required double AvgTradePct { get; init; }

    public required double MaxTradeDurationDays { get; init; }

    public required double AvgTradeDurationDays { get; init; }

    public required double ProfitFactor { get; init; }

    public required double ExpectancyPct { get; init; }

    public required double Sqn { get; init; }

    public required double KellyCriterion { get; init; }

    /// <summary>Periods per year used to annualise (252, 365, 52, 12 or 1).</summary>
    public required int AnnualizationFactor { get; init; }

    /// <summary>Set when the compounded volatility degenerated and volatility/Sharpe were reported as NaN.</summary>
    public string? VolatilityNote { get; init; }
}

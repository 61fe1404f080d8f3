using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// Settings of one backtest. The defaults are backtesting.md's reference mode: 10,000 cash, no commission or spread,
/// market orders at the next bar's open, all-in whole-unit sizing, open trades closed at the end.
/// </summary>
public sealed record BacktestOptions
{
    public decimal Cash { get; init; } = 10_000m;

    /// <summary>Relative commission charged on entry (on the spread-adjusted price) and again on exit; −10 %..10 %.</summary>
    public decimal Commission { get; init; }

    /// <summary>Fixed commission per fill, in quote currency, on top of <see cref="Commission"/>.</summary>
    public decimal FixedCommission { get; init; }

    /// <summary>Relative bid-ask spread paid once per round trip: entries fill at <c>price·(1 ± spread)</c>.</summary>
    public decimal Spread { get; init; }

    /// <summary>Fill market orders at the signal bar's close instead of the next bar's open.</summary>
    public bool TradeOnClose { get; init; }

    /// <summary>Close trades still open after the last bar (at the last bar's open) so that they count in the statistics.</summary>
    public bool FinalizeTrades { get; init; } = true;

    /// <summary>
    /// The quantity step. 1 is the reference mode (whole units only); a smaller step such as 0.00000001 allows
    /// fractional crypto quantities, truncated to the step.
    /// </summary>
    public decimal QuantityStep { get; init; } = 1m;

    /// <summary>Annual risk-free rate used by Sharpe, Sortino and Alpha (0.02 = 2 %).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>
    /// Risk management, exactly as live (docs/risk.md): entries sized by the risk gate at the signal bar's close,
    /// guards, halts, protective exits and the kill switch. <see langword="null"/> is the reference mode: no rules,
    /// all-in sizing at the fill.
    /// </summary>
    public RiskOptions? Risk { get; init; }

    /// <summary>Risk mode: the venue's minimum order value (quote currency) that entries must reach; 0 for none.</summary>
    public decimal MinNotional { get; init; }

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Cash <= 0m)
        {
            errors.Add($"cash must be positive, got {Cash}");
        }

        if (Commission is < -0.1m or > 0.1m)
        {
            errors.Add($"commission must be between -10% and 10% (a fraction such as 0.001), got {Commission}");
        }

        if (FixedCommission < 0m)
        {
            errors.Add($"fixed commission must not be negative, got {FixedCommission}");
        }

        if (Spread is < 0m or >= 0.1m)
        {
            errors.Add($"spread must be between 0 and 10% (a fraction such as 0.0002), got {Spread}");
        }

        if (QuantityStep <= 0m || QuantityStep > 1m)
        {
            errors.Add($"quantity step must be in (0, 1], got {QuantityStep}");
        }

        if (double.IsNaN(RiskFreeRate) || RiskFreeRate is < -1 or > 1)
        {
            errors.Add($"risk-free rate must be a fraction between -1 and 1, got {RiskFreeRate}");
        }

        if (MinNotional < 0m)
        {
            errors.Add($"minimum notional must not be negative, got {MinNotional}");
        }

        if (Risk is not null)
        {
            errors.AddRange(Risk.Validate());
        }

        return errors;
    }

    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid backtest options: " + string.Join("; ", errors) + ".");
        }
    }
}

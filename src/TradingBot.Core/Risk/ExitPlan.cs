namespace TradingBot.Core.Risk;

/// <summary>The protective exits of an entry, as distances from the (not yet known) fill price.</summary>
public sealed record ExitPlan(PriceDistance? StopLoss, PriceDistance? TakeProfit, PriceDistance? TrailingStop)
{
    public bool IsEmpty => StopLoss is null && TakeProfit is null && TrailingStop is null;

    /// <summary>
    /// The plan of <paramref name="options"/>: percentages stay fractions, ATR multiples become absolute distances
    /// with the ATR at signal time. Returns <see langword="null"/> when an ATR multiple is set and no ATR is known.
    /// </summary>
    public static ExitPlan? From(StrategyRiskOptions options, decimal? atr)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (atr is not > 0m && (options.StopLossAtr is not null || options.TakeProfitAtr is not null || options.TrailingStopAtr is not null))
        {
            return null;
        }

        return new ExitPlan(
            Distance(options.StopLossPercent, options.StopLossAtr, atr),
            Distance(options.TakeProfitPercent, options.TakeProfitAtr, atr),
            Distance(options.TrailingStopPercent, options.TrailingStopAtr, atr));
    }

    private static PriceDistance? Distance(decimal? fraction, decimal? atrMultiple, decimal? atr) =>
        fraction is { } f ? PriceDistance.Fraction(f)
        : atrMultiple is { } k && atr is { } a ? PriceDistance.Absolute(k * a)
        : null;
}

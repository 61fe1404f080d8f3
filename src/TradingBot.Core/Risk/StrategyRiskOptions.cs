namespace TradingBot.Core.Risk;

/// <summary>
/// The per-strategy part of <see cref="RiskOptions"/>: sizing, per-symbol position caps, re-entry cooldown and the
/// protective exits. Section <c>Risk:Strategy</c> holds the defaults of every strategy; <c>Risk:Strategies:&lt;name&gt;</c>
/// repeats any of these keys for one strategy and inherits the rest. A <see langword="null"/> limit is off.
/// Property defaults are the live-defaults preset.
/// </summary>
public sealed record StrategyRiskOptions
{
    public SizingMode Sizing { get; init; } = SizingMode.EquityFraction;

    /// <summary>Quote amount per entry (<see cref="SizingMode.FixedQuote"/> only), e.g. 100 for 100 USDT.</summary>
    public decimal? QuoteAmount { get; init; }

    /// <summary>Share of equity per entry (<see cref="SizingMode.EquityFraction"/>), in (0, 1].</summary>
    public decimal EquityFraction { get; init; } = 0.25m;

    /// <summary>Share of equity lost if price moves <see cref="SizingAtrMultiple"/> ATRs (<see cref="SizingMode.Volatility"/>).</summary>
    public decimal? RiskPerTrade { get; init; }

    /// <summary>The adverse move, in ATRs, that <see cref="RiskPerTrade"/> is sized for (<see cref="SizingMode.Volatility"/>).</summary>
    public decimal? SizingAtrMultiple { get; init; }

    /// <summary>The ATR period (bars of the strategy's timeframe) used by volatility sizing and ATR exits.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Largest position per symbol as a share of equity, in (0, 1]; larger entries are resized down.</summary>
    public decimal? MaxPositionFraction { get; init; } = 0.25m;

    /// <summary>Largest position per symbol in base units; larger entries are resized down.</summary>
    public decimal? MaxPositionQuantity { get; init; }

    /// <summary>No new entry on a symbol until this long after its last exit.</summary>
    public TimeSpan CooldownAfterExit { get; init; }

    /// <summary>Stop-loss distance below (long) or above (short) the entry price, as a fraction in (0, 1).</summary>
    public decimal? StopLossPercent { get; init; } = 0.10m;

    /// <summary>Stop-loss distance in ATRs (at signal time); exclusive with <see cref="StopLossPercent"/>.</summary>
    public decimal? StopLossAtr { get; init; }

    /// <summary>Take-profit distance above (long) or below (short) the entry price, as a fraction &gt; 0.</summary>
    public decimal? TakeProfitPercent { get; init; }

    /// <summary>Take-profit distance in ATRs; exclusive with <see cref="TakeProfitPercent"/>.</summary>
    public decimal? TakeProfitAtr { get; init; }

    /// <summary>Trailing-stop distance from the best price since entry, as a fraction in (0, 1).</summary>
    public decimal? TrailingStopPercent { get; init; }

    /// <summary>Trailing-stop distance in ATRs; exclusive with <see cref="TrailingStopPercent"/>.</summary>
    public decimal? TrailingStopAtr { get; init; }

    /// <summary>Whether any setting needs an ATR value with each entry request.</summary>
    public bool NeedsAtr => Sizing == SizingMode.Volatility || StopLossAtr is not null || TakeProfitAtr is not null || TrailingStopAtr is not null;

    /// <summary>Appends every problem to <paramref name="errors"/>, naming settings under <paramref name="path"/> (e.g. <c>Risk:Strategy</c>).</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var check = new RiskSettingChecks(path, errors);
        check.Defined(nameof(Sizing), Sizing);
        check.Positive(nameof(QuoteAmount), QuoteAmount);
        check.FractionUpToOne(nameof(EquityFraction), EquityFraction);
        check.FractionBelowOne(nameof(RiskPerTrade), RiskPerTrade);
        check.Positive(nameof(SizingAtrMultiple), SizingAtrMultiple);
        check.AtLeastOne(nameof(AtrPeriod), AtrPeriod);
        check.FractionUpToOne(nameof(MaxPositionFraction), MaxPositionFraction);
        check.Positive(nameof(MaxPositionQuantity), MaxPositionQuantity);
        check.NotNegative(nameof(CooldownAfterExit), CooldownAfterExit);
        check.FractionBelowOne(nameof(StopLossPercent), StopLossPercent);
        check.Positive(nameof(StopLossAtr), StopLossAtr);
        check.Positive(nameof(TakeProfitPercent), TakeProfitPercent);
        check.Positive(nameof(TakeProfitAtr), TakeProfitAtr);
        check.FractionBelowOne(nameof(TrailingStopPercent), TrailingStopPercent);
        check.Positive(nameof(TrailingStopAtr), TrailingStopAtr);
        check.NotBoth(nameof(StopLossPercent), StopLossPercent, nameof(StopLossAtr), StopLossAtr);
        check.NotBoth(nameof(TakeProfitPercent), TakeProfitPercent, nameof(TakeProfitAtr), TakeProfitAtr);
        check.NotBoth(nameof(TrailingStopPercent), TrailingStopPercent, nameof(TrailingStopAtr), TrailingStopAtr);
        check.RequiredFor(nameof(QuoteAmount), QuoteAmount, Sizing == SizingMode.FixedQuote, "Sizing FixedQuote");
        check.RequiredFor(nameof(RiskPerTrade), RiskPerTrade, Sizing == SizingMode.Volatility, "Sizing Volatility");
        check.RequiredFor(nameof(SizingAtrMultiple), SizingAtrMultiple, Sizing == SizingMode.Volatility, "Sizing Volatility");
    }
}

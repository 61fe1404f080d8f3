using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>
/// Everything the gate needs to decide, as one value: the account snapshot (from the portfolio, or the backtester),
/// the remembered risk state and the time. The gate never reads a clock or a store itself.
/// </summary>
public sealed record RiskContext
{
    /// <summary>The decision time (live: <c>TimeProvider.GetUtcNow()</c>; backtest: the signal bar's close).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The UTC day the day's P&amp;L figures belong to (live: Now's date; backtest: the bar's date).</summary>
    public required DateOnly TradingDay { get; init; }

    /// <summary>Cash + marked value of all positions, in quote currency.</summary>
    public required decimal Equity { get; init; }

    /// <summary>Quote currency available for new entries (backtest: available margin).</summary>
    public required decimal AvailableCash { get; init; }

    /// <summary>Open positions by symbol (positions being closed by the same decision are left out).</summary>
    public IReadOnlyDictionary<Symbol, RiskPosition> Positions { get; init; } = new Dictionary<Symbol, RiskPosition>();

    /// <summary>Equity at 00:00 UTC of <see cref="TradingDay"/>: the base of the daily loss limit.</summary>
    public required decimal DayStartEquity { get; init; }

    public decimal RealizedPnLToday { get; init; }

    public decimal UnrealizedPnLToday { get; init; }

    /// <summary>Close time of the last candle of the symbol being decided (null: unknown, which the stale-price guard refuses).</summary>
    public DateTimeOffset? LastCandleAt { get; init; }

    /// <summary>Risk's own memory: peak, halts, kill switch, exits, stop-outs, order times, exit levels.</summary>
    public required RiskState State { get; init; }

    public decimal PnLToday => RealizedPnLToday + UnrealizedPnLToday;
}

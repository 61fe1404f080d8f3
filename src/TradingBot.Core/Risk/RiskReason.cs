namespace TradingBot.Core.Risk;

/// <summary>
/// Why risk management refused an order or halted trading. Each value has a stable kebab-case code
/// (<see cref="RiskReasonCodes.ToCode"/>) used in JSON results, Table Storage and the API; codes never change.
/// </summary>
public enum RiskReason
{
    /// <summary><c>kill-switch</c>: the kill switch is engaged; no new order of any kind.</summary>
    KillSwitch,

    /// <summary><c>daily-loss-limit</c>: realized + unrealized loss of the UTC day reached the limit.</summary>
    DailyLossLimit,

    /// <summary><c>max-drawdown</c>: equity fell the configured fraction below its peak.</summary>
    MaxDrawdown,

    /// <summary><c>short-not-allowed</c>: a short entry while short selling is disabled.</summary>
    ShortNotAllowed,

    /// <summary><c>stale-price</c>: the last candle is older than the allowed age.</summary>
    StalePrice,

    /// <summary><c>order-rate</c>: too many orders in the rolling window.</summary>
    OrderRate,

    /// <summary><c>cooldown</c>: the symbol was exited too recently.</summary>
    Cooldown,

    /// <summary><c>stoploss-guard</c>: too many stop-loss exits in the lookback window.</summary>
    StoplossGuard,

    /// <summary><c>max-open-positions</c>: the number of open positions is at its maximum.</summary>
    MaxOpenPositions,

    /// <summary><c>max-position</c>: the symbol's position is at its maximum size (quantity or share of equity).</summary>
    MaxPosition,

    /// <summary><c>max-exposure</c>: the total value of all positions is at its maximum share of equity.</summary>
    MaxExposure,

    /// <summary><c>insufficient-cash</c>: not enough available cash (fees included) for any quantity.</summary>
    InsufficientCash,

    /// <summary><c>below-min-amount</c>: the quantity, truncated to the venue's step, is below the venue minimum.</summary>
    BelowMinAmount,

    /// <summary><c>below-min-notional</c>: price × quantity is below the venue's minimum order value.</summary>
    BelowMinNotional,

    /// <summary><c>venue-limits</c>: another venue rule (price or amount bounds) refuses the order.</summary>
    VenueLimits,

    /// <summary><c>market-closed</c>: the venue market is inactive or refuses market orders.</summary>
    MarketClosed,

    /// <summary><c>volatility-unavailable</c>: ATR-based sizing or exits need an ATR that is not ready yet.</summary>
    VolatilityUnavailable,

    /// <summary><c>invalid-price</c>: the reference price is zero or negative.</summary>
    InvalidPrice,
}

namespace TradingBot.Core.Risk;

/// <summary>How an entry's quantity is computed, at signal time, from the signal bar's close.</summary>
public enum SizingMode
{
    /// <summary>Spend <see cref="StrategyRiskOptions.QuoteAmount"/> of quote currency: quantity = amount / price.</summary>
    FixedQuote,

    /// <summary>Spend <see cref="StrategyRiskOptions.EquityFraction"/> of equity: quantity = equity·fraction / price.</summary>
    EquityFraction,

    /// <summary>
    /// Volatility targeting: lose at most <see cref="StrategyRiskOptions.RiskPerTrade"/> of equity over a move of
    /// <see cref="StrategyRiskOptions.SizingAtrMultiple"/> ATRs: quantity = equity·risk / (multiple·ATR).
    /// </summary>
    Volatility,
}

namespace TradingBot.Core.Exchange;

/// <summary>CCXT <c>limits</c>: amount (base), price, cost (quote notional), and market-order amount when it differs.</summary>
public sealed record MarketLimits
{
    public MinMax Amount { get; init; }

    public MinMax Price { get; init; }

    public MinMax Cost { get; init; }

    /// <summary>Amount limits for market orders (Binance MARKET_LOT_SIZE); falls back to <see cref="Amount"/>.</summary>
    public MinMax? MarketAmount { get; init; }
}

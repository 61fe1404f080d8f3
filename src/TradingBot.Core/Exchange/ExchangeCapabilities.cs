namespace TradingBot.Core.Exchange;

/// <summary>CCXT's <c>has</c> map: what a venue can do, so callers never discover a gap at trading time.</summary>
public sealed record ExchangeCapabilities
{
    public Capability FetchTicker { get; init; } = Capability.Yes;

    public Capability FetchOrderBook { get; init; } = Capability.Yes;

    /// <summary>Candles. Robinhood has none: ingestion builds candles from sampled quotes instead.</summary>
    public Capability FetchOhlcv { get; init; } = Capability.Yes;

    public Capability FetchBalance { get; init; } = Capability.Yes;

    public Capability CreateMarketOrder { get; init; } = Capability.Yes;

    public Capability CreateLimitOrder { get; init; } = Capability.Yes;

    /// <summary>Market buys sized in quote currency (CCXT <c>createMarketBuyOrderWithCost</c>).</summary>
    public Capability CreateMarketBuyWithCost { get; init; } = Capability.No;

    /// <summary>Maker-only limit orders (<see cref="CreateOrderRequest.PostOnly"/>; CCXT <c>createPostOnlyOrder</c>).</summary>
    public Capability CreatePostOnlyOrder { get; init; } = Capability.No;

    public Capability CancelOrder { get; init; } = Capability.Yes;

    public Capability FetchOrder { get; init; } = Capability.Yes;

    /// <summary>Looking an order up by the client order id we chose (the key of idempotent execution).</summary>
    public Capability FetchOrderByClientOrderId { get; init; } = Capability.Yes;

    public Capability FetchOpenOrders { get; init; } = Capability.Yes;

    public Capability FetchMyTrades { get; init; } = Capability.Yes;

    /// <summary>Whether the venue permits short selling on this account type (spot venues: no).</summary>
    public Capability ShortSelling { get; init; } = Capability.No;
}

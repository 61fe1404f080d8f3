using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>
/// The venue port, shaped like CCXT's unified API (same method names, structures, error classes and precision
/// rules). Implemented by the Binance, Coinbase and Robinhood adapters and by the paper venue.
/// Failures are the CCXT exception types in <see cref="ExchangeErrors"/>: <see cref="ExchangeError"/> subclasses are
/// definitive rejections; <see cref="NetworkError"/> subclasses are transient, except that after
/// <see cref="CreateOrderAsync"/> a transient failure means the outcome is unknown and the order must be looked up
/// by its client order id before anything is resubmitted.
/// </summary>
public interface IExchange
{
    /// <summary>Lower-case venue id: <c>binance</c>, <c>coinbase</c>, <c>robinhood</c>, <c>paper</c>.</summary>
    string Id { get; }

    ExchangeCapabilities Has { get; }

    /// <summary>Candle intervals <see cref="FetchOhlcvAsync"/> accepts (empty when candles are not supported).</summary>
    IReadOnlyList<Timeframe> Timeframes { get; }

    /// <summary>Markets by unified symbol, cached after the first call unless <paramref name="reload"/>.</summary>
    Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default);

    Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default);

    Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default);

    /// <summary>
    /// Closed and current candles ascending, from <paramref name="since"/> (inclusive), at most <paramref name="limit"/>
    /// (all of the range when null: the adapter paginates). Throws <see cref="NotSupported"/> when the venue has none.
    /// </summary>
    Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default);

    Task<Balance> FetchBalanceAsync(CancellationToken ct = default);

    /// <summary>Places an order after applying the market's precision and limits (rejected locally when below them).</summary>
    Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default);

    Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default);

    Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default);

    /// <summary>The order we placed with <paramref name="clientOrderId"/>, or null when the venue has no such order.</summary>
    Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default);

    Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default);

    Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default);
}

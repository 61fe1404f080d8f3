using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Functions.Telemetry;

namespace TradingBot.Functions.Venues;

/// <summary>Decorates a venue with metrics: latency and errors per operation, and the waits a venue imposes (429/418 Retry-After).</summary>
public sealed class InstrumentedExchange(IExchange inner, PipelineMetrics metrics, TimeProvider time) : IExchange
{
    public string Id => inner.Id;

    public ExchangeCapabilities Has => inner.Has;

    public IReadOnlyList<Timeframe> Timeframes => inner.Timeframes;

    public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default) =>
        Measure("loadMarkets", () => inner.LoadMarketsAsync(reload, ct));

    public Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default) =>
        Measure("fetchTicker", () => inner.FetchTickerAsync(symbol, ct));

    public Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default) =>
        Measure("fetchOrderBook", () => inner.FetchOrderBookAsync(symbol, limit, ct));

    public Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default) =>
        Measure("fetchOHLCV", () => inner.FetchOhlcvAsync(symbol, timeframe, since, limit, ct));

    public Task<Balance> FetchBalanceAsync(CancellationToken ct = default) => Measure("fetchBalance", () => inner.FetchBalanceAsync(ct));

    public Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default) =>
        Measure("createOrder", () => inner.CreateOrderAsync(request, ct));

    public Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default) =>
        Measure("cancelOrder", () => inner.CancelOrderAsync(id, symbol, ct));

    public Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default) =>
        Measure("fetchOrder", () => inner.FetchOrderAsync(id, symbol, ct));

    public Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default) =>
        Measure("fetchOrderByClientOrderId", () => inner.FetchOrderByClientOrderIdAsync(clientOrderId, symbol, ct));

    public Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default) =>
        Measure("fetchOpenOrders", () => inner.FetchOpenOrdersAsync(symbol, since, limit, ct));

    public Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default) =>
        Measure("fetchMyTrades", () => inner.FetchMyTradesAsync(symbol, since, limit, ct));

    private async Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = time.GetTimestamp();
        try
        {
            var result = await call();
            metrics.VenueCall(Id, operation, time.GetElapsedTime(started), null);
            return result;
        }
        catch (Exception ex)
        {
            metrics.VenueCall(Id, operation, time.GetElapsedTime(started), ex);
            var wait = ex switch
            {
                RateLimitExceeded limited => limited.RetryAfter,
                DDoSProtection banned => banned.RetryAfter,
                _ => null,
            };
            if (wait is { } delay)
            {
                metrics.RateLimitWait(Id, delay);
            }

            throw;
        }
    }
}

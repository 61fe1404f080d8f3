using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Coinbase;

/// <summary>
/// Coinbase Advanced Trade API v3 behind <see cref="IExchange"/> (exchanges.md §2). Market data comes from the public
/// <c>/market/…</c> endpoints (no key needed); accounts, orders and fills are signed with a fresh JWT per request.
/// Orders always carry <c>client_order_id</c> = <see cref="ClientOrderUuid.From"/> of the request's id; the create
/// response has no fill data, so the order is read back. A timeout or 5xx on create is an unknown outcome: the adapter
/// looks the order up by client order id (never resends) and, if it cannot find it, rethrows the network error.
/// </summary>
public sealed class CoinbaseExchange : IExchange, IDisposable
{
    private const string Prefix = "/api/v3/brokerage";
    private const int PageSize = 100;
    private const int AccountsPageSize = 250;
    private const int MaxProductPages = 50;

    private readonly CoinbaseOptions _options;
    private readonly VenueRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<CoinbaseExchange> _logger;
    private readonly Lazy<CoinbaseSigner> _signer;
    private readonly string _jwtHost;
    private IReadOnlyDictionary<Symbol, Market>? _markets;

    public CoinbaseExchange(VenueRestClientFactory factory, IOptions<CoinbaseOptions> options, TimeProvider time, ILogger<CoinbaseExchange> logger)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        var baseUrl = _options.ResolveBaseUrl();
        _rest = factory.Create(VenueIds.Coinbase, baseUrl, CoinbaseMapper.Errors());
        _jwtHost = string.IsNullOrWhiteSpace(_options.JwtHost) ? baseUrl.Authority : _options.JwtHost.Trim();
        _signer = new Lazy<CoinbaseSigner>(() => _options.HasCredentials
            ? CoinbaseSigner.Create(_options.ApiKey!, _options.ApiSecret!, _time)
            : throw new AuthenticationError(
                "Coinbase account and order calls need an API key: set Venues:Coinbase:ApiKey (the key name) and Venues:Coinbase:ApiSecret (the private key), "
                + "e.g. environment variables Venues__Coinbase__ApiKey and Venues__Coinbase__ApiSecret.") { Venue = VenueIds.Coinbase });
    }

    /// <summary>Public endpoints allow about 10 requests/s per IP (private ones 30/s per key): budget for the stricter.</summary>
    public static VenueHttpSettings HttpSettings { get; } = new()
    {
        RateLimit = new RateLimitPolicy { Capacity = 10, Window = TimeSpan.FromSeconds(1) },
    };

    public string Id => VenueIds.Coinbase;

    public ExchangeCapabilities Has { get; } = new()
    {
        CreateMarketBuyWithCost = Capability.Yes,
        CreatePostOnlyOrder = Capability.Yes,
        FetchOrderByClientOrderId = Capability.Emulated,
    };

    public IReadOnlyList<Timeframe> Timeframes => CoinbaseMapper.Timeframes;

    public async Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default)
    {
        if (_markets is { } cached && !reload)
        {
            return cached;
        }

        var products = new Dictionary<string, CoinbaseProduct>(StringComparer.Ordinal);
        for (var page = 0; page < MaxProductPages; page++)
        {
            var query = new VenueQuery().Add("product_type", "SPOT");
            if (products.Count > 0)
            {
                query.Add("offset", products.Count.ToString(CultureInfo.InvariantCulture));
            }

            var response = await _rest.SendAsync<CoinbaseProductsResponse>(Public("/market/products", query), CoinbaseJson.Options, ct);
            var before = products.Count;
            foreach (var product in response.Products ?? [])
            {
                products.TryAdd(product.ProductId, product);
            }

            if (products.Count == before || response.NumProducts is not { } total || products.Count >= total)
            {
                break;
            }
        }

        var (taker, maker) = await FeesAsync(ct);
        var spot = new List<CoinbaseProduct>();
        foreach (var product in products.Values)
        {
            if (product.ProductType is { Length: > 0 } type && !type.Equals("SPOT", StringComparison.OrdinalIgnoreCase))
            {
                _logger.MarketSkipped(Id, product.ProductId, $"product type {type} is not spot");
                continue;
            }

            spot.Add(product);
        }

        var markets = MarketCatalog.Build(Id, _logger, spot, p => p.ProductId, p => CoinbaseMapper.ToMarket(p, taker, maker));
        _markets = markets;
        return markets;
    }

    /// <summary>Last trade and best bid/ask from the public ticker; with an API key, bid/ask sizes from <c>best_bid_ask</c>.</summary>
    public async Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        var market = await MarketAsync(symbol, ct);
        var tickerTask = _rest.SendAsync<CoinbaseTickerResponse>(
            Public($"/market/products/{Uri.EscapeDataString(market.Id)}/ticker", new VenueQuery().Add("limit", "1")), CoinbaseJson.Options, ct);
        var bestTask = _options.HasCredentials
            ? _rest.SendAsync<CoinbaseBestBidAskResponse>(Signed(HttpMethod.Get, "/best_bid_ask", new VenueQuery().Add("product_ids", market.Id)),
                CoinbaseJson.Options, ct)
            : Task.FromResult(new CoinbaseBestBidAskResponse(null));
        await Task.WhenAll(tickerTask, bestTask);
        var best = (await bestTask).Pricebooks?.FirstOrDefault(b => b.ProductId == market.Id);
        return CoinbaseMapper.ToTicker(symbol, await tickerTask, best, _time.GetUtcNow());
    }

    public async Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default)
    {
        var market = await MarketAsync(symbol, ct);
        var query = new VenueQuery().Add("product_id", market.Id).Add("limit", limit?.ToString(CultureInfo.InvariantCulture));
        var response = await _rest.SendAsync<CoinbaseProductBookResponse>(Public("/market/product_book", query), CoinbaseJson.Options, ct);
        return CoinbaseMapper.ToOrderBook(symbol, response, _time.GetUtcNow());
    }

    /// <summary>Candles in windows of at most 300 buckets (start/end in Unix seconds), newest-first answers sorted ascending.</summary>
    public async Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var granularity = CoinbaseMapper.Granularity(timeframe);
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The candle limit must be positive.");
        }

        var market = await MarketAsync(symbol, ct);
        var step = timeframe.Duration;
        var last = timeframe.Floor(_time.GetUtcNow());
        DateTimeOffset first;
        if (since is { } from)
        {
            first = timeframe.Floor(from) < from ? timeframe.Floor(from) + step : timeframe.Floor(from);
            if (limit is { } count && first + (step * (count - 1)) < last)
            {
                last = first + (step * (count - 1));
            }
        }
        else
        {
            first = last - (step * ((limit ?? CoinbaseMapper.MaxCandlesPerRequest) - 1));
        }

        var candles = new SortedDictionary<DateTimeOffset, Candle>();
        var path = $"/market/products/{Uri.EscapeDataString(market.Id)}/candles";
        for (var windowStart = first; windowStart <= last; windowStart += step * CoinbaseMapper.MaxCandlesPerRequest)
        {
            var windowEnd = windowStart + (step * (CoinbaseMapper.MaxCandlesPerRequest - 1));
            if (windowEnd > last)
            {
                windowEnd = last;
            }

            // The end is pushed to just before the next bucket so the window's last bucket is included whether the venue
            // treats "end" as inclusive or exclusive; the span stays under 300 buckets.
            var query = new VenueQuery()
                .Add("start", windowStart.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .Add("end", (windowEnd + step - TimeSpan.FromSeconds(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .Add("granularity", granularity);
            var response = await _rest.SendAsync<CoinbaseCandlesResponse>(Public(path, query), CoinbaseJson.Options, ct);
            foreach (var candle in (response.Candles ?? []).Select(CoinbaseMapper.ToCandle))
            {
                if (candle.Time >= first && candle.Time <= last)
                {
                    candles[candle.Time] = candle;
                }
            }
        }

        var ordered = candles.Values.ToList();
        return limit is { } max && ordered.Count > max
            ? since is null ? ordered[^max..] : ordered[..max]
            : ordered;
    }

    /// <summary>Every account page (<c>has_next</c>/<c>cursor</c>), summed per currency: free = available, used = hold.</summary>
    public async Task<Balance> FetchBalanceAsync(CancellationToken ct = default)
    {
        var accounts = new List<CoinbaseAccount>();
        string? cursor = null;
        do
        {
            var query = new VenueQuery().Add("limit", AccountsPageSize.ToString(CultureInfo.InvariantCulture)).Add("cursor", cursor);
            var page = await _rest.SendAsync<CoinbaseAccountsResponse>(Signed(HttpMethod.Get, "/accounts", query), CoinbaseJson.Options, ct);
            accounts.AddRange(page.Accounts ?? []);
            cursor = page.HasNext && !string.IsNullOrEmpty(page.Cursor) ? page.Cursor : null;
        }
        while (cursor is not null);

        return CoinbaseMapper.ToBalance(accounts, _time.GetUtcNow());
    }

    public async Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var market = await MarketAsync(request.Symbol, ct);
        decimal? reference = null;
        if (request.Type == OrderType.Market && request.QuoteAmount is null)
        {
            var ticker = await FetchTickerAsync(request.Symbol, ct);
            reference = request.Side == OrderSide.Buy ? ticker.Ask ?? ticker.Last : ticker.Bid ?? ticker.Last;
        }

        var prepared = OrderValidator.Prepare(market, request, reference);
        var body = JsonSerializer.Serialize(CoinbaseMapper.ToCreateOrder(prepared, market.Id),
            JsonContracts.Of<CoinbaseCreateOrderRequest>(CoinbaseJson.Options));
        return await OrderPlacement.PlaceOnceAsync(Id, _logger, prepared, () => PlaceAsync(prepared, body, ct),
            () => FindByClientOrderIdAsync(prepared.ClientOrderId, prepared.Symbol, _time.GetUtcNow() - OrderPlacement.ReconcileLookback, ct));
    }

    /// <summary>Cancels through <c>batch_cancel</c> (Coinbase has no single cancel), then reads the order back (it may still show the queued cancel).</summary>
    public async Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var body = JsonSerializer.Serialize(new CoinbaseCancelOrdersRequest([id]),
            JsonContracts.Of<CoinbaseCancelOrdersRequest>(CoinbaseJson.Options));
        var response = await SendAboutOrderAsync<CoinbaseCancelOrdersResponse>(Signed(HttpMethod.Post, "/orders/batch_cancel", body: body), id, ct);
        var results = response.Results ?? [];
        var result = results.FirstOrDefault(r => r.OrderId == id) ?? (results.Count > 0 ? results[0] : null)
            ?? throw new BadResponse($"Coinbase answered the cancel of order {id} without a result.") { Venue = Id };
        if (!result.Success)
        {
            var error = CoinbaseMapper.ToCancelError(result.FailureReason, id);
            _logger.VenueRejected(Id, "POST /orders/batch_cancel", error.GetType().Name, error.VenueCode, error.Message);
            throw error;
        }

        return await FetchOrderAsync(id, symbol, ct);
    }

    public async Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var response = await SendAboutOrderAsync<CoinbaseOrderResponse>(
            Signed(HttpMethod.Get, $"/orders/historical/{Uri.EscapeDataString(id)}"), id, ct);
        return CoinbaseMapper.ToOrder(response.Order ?? throw new BadResponse($"Coinbase answered order {id} without 'order'.") { Venue = Id });
    }

    /// <summary>
    /// Lists the orders of the last <see cref="CoinbaseOptions.OrderLookback"/> and matches <c>client_order_id</c> (Coinbase
    /// cannot filter by it). The result carries <paramref name="clientOrderId"/> as given.
    /// </summary>
    public async Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return await FindByClientOrderIdAsync(clientOrderId, symbol, _time.GetUtcNow() - _options.OrderLookback, ct);
    }

    public async Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var productId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        var orders = new List<Order>();
        await foreach (var order in ListOrdersAsync(productId, since, openOnly: true, ct))
        {
            orders.Add(CoinbaseMapper.ToOrder(order));
        }

        return ResultWindow.Apply(orders, o => o.Timestamp ?? DateTimeOffset.MinValue, since, limit);
    }

    /// <summary>Fills (<c>/orders/historical/fills</c>, cursor-paginated) as trades, ascending.</summary>
    public async Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var productId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        var trades = new List<Trade>();
        string? cursor = null;
        do
        {
            var query = new VenueQuery()
                .Add("product_ids", productId)
                .Add("start_sequence_timestamp", since is { } from ? VenueText.FormatTime(from) : null)
                .Add("limit", PageSize.ToString(CultureInfo.InvariantCulture))
                .Add("cursor", cursor);
            var page = await _rest.SendAsync<CoinbaseFillsResponse>(Signed(HttpMethod.Get, "/orders/historical/fills", query), CoinbaseJson.Options, ct);
            var fills = page.Fills ?? [];
            trades.AddRange(fills.Select(CoinbaseMapper.ToTrade));
            cursor = fills.Count > 0 && !string.IsNullOrEmpty(page.Cursor) ? page.Cursor : null;
        }
        while (cursor is not null && (since is not null || limit is null || trades.Count < limit));

        return ResultWindow.Apply(trades, t => t.Timestamp, since, limit);
    }

    public void Dispose()
    {
        if (_signer.IsValueCreated)
        {
            _signer.Value.Dispose();
        }
    }

    private async Task<Market> MarketAsync(Symbol symbol, CancellationToken ct) => MarketCatalog.Get(await LoadMarketsAsync(ct: ct), symbol, Id);

    private async Task<(decimal Taker, decimal Maker)> FeesAsync(CancellationToken ct)
    {
        if (!_options.HasCredentials)
        {
            return (_options.DefaultTakerFee, _options.DefaultMakerFee);
        }

        var summary = await _rest.SendAsync<CoinbaseTransactionSummary>(
            Signed(HttpMethod.Get, "/transaction_summary", new VenueQuery().Add("product_type", "SPOT")), CoinbaseJson.Options, ct);
        return (CoinbaseMapper.Optional(summary.FeeTier?.TakerFeeRate, "fee_tier taker_fee_rate") ?? _options.DefaultTakerFee,
            CoinbaseMapper.Optional(summary.FeeTier?.MakerFeeRate, "fee_tier maker_fee_rate") ?? _options.DefaultMakerFee);
    }

    private async Task<Order?> FindByClientOrderIdAsync(string clientOrderId, Symbol? symbol, DateTimeOffset since, CancellationToken ct)
    {
        var productId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        await foreach (var order in ListOrdersAsync(productId, since, openOnly: false, ct))
        {
            if (ClientOrderUuid.Matches(order.ClientOrderId, clientOrderId))
            {
                return CoinbaseMapper.ToOrder(order) with { ClientOrderId = clientOrderId };
            }
        }

        return null;
    }

    private async IAsyncEnumerable<CoinbaseOrder> ListOrdersAsync(string? productId, DateTimeOffset? since, bool openOnly,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var query = new VenueQuery()
                .Add("order_status", openOnly ? "OPEN" : null)
                .Add("product_ids", productId)
                .Add("start_date", since is { } from ? VenueText.FormatTime(from) : null)
                .Add("limit", PageSize.ToString(CultureInfo.InvariantCulture))
                .Add("cursor", cursor);
            var page = await _rest.SendAsync<CoinbaseOrdersResponse>(Signed(HttpMethod.Get, "/orders/historical/batch", query), CoinbaseJson.Options, ct);
            foreach (var order in page.Orders ?? [])
            {
                yield return order;
            }

            cursor = page.HasNext && !string.IsNullOrEmpty(page.Cursor) ? page.Cursor : null;
        }
        while (cursor is not null);
    }

    /// <summary>POSTs the order; a <c>success:false</c> answer is the rejection it names, a success is read back.</summary>
    private async Task<Order> PlaceAsync(CreateOrderRequest order, string body, CancellationToken ct)
    {
        var response = await _rest.SendAsync<CoinbaseCreateOrderResponse>(Signed(HttpMethod.Post, "/orders", body: body, placesOrder: true),
            CoinbaseJson.Options, ct);
        if (!response.Success)
        {
            var error = CoinbaseMapper.ToCreateOrderError(response.ErrorResponse, order.Symbol);
            _logger.VenueRejected(Id, "POST /orders", error.GetType().Name, error.VenueCode, error.Message);
            throw error;
        }

        var orderId = response.SuccessResponse?.OrderId ?? response.OrderId;
        if (string.IsNullOrEmpty(orderId))
        {
            throw new BadResponse(
                $"Coinbase accepted the {order.Symbol} order but sent no order id; look it up by client order id {order.ClientOrderId}.")
            {
                Venue = Id,
            };
        }

        var placed = await ReadBackAsync(order, orderId, ct);
        _logger.OrderPlaced(Id, order.ClientOrderId, order.Side, order.Amount ?? order.QuoteAmount, order.Symbol, placed.Id, placed.Status);
        return placed;
    }

    /// <summary>
    /// Reads the new order back for its status and fills. If Coinbase returned an earlier order under the same client
    /// order id for a different market or side, that is a duplicate id, not our order.
    /// </summary>
    private async Task<Order> ReadBackAsync(CreateOrderRequest order, string orderId, CancellationToken ct)
    {
        Order placed;
        try
        {
            placed = await FetchOrderAsync(orderId, order.Symbol, ct);
        }
        catch (BaseError ex) when (ex is OrderNotFound or OperationFailed)
        {
            _logger.OrderNotReadBack(Id, orderId, ex.GetType().Name);
            return CoinbaseMapper.ToCreatedOrder(order, orderId, _time.GetUtcNow()) with { ClientOrderId = order.ClientOrderId };
        }

        if (placed.Symbol != order.Symbol || placed.Side != order.Side)
        {
            throw new DuplicateOrderId(
                $"Coinbase answered with order {placed.Id} ({placed.Symbol} {placed.Side}), placed earlier under client order id {order.ClientOrderId}; "
                + $"this {order.Symbol} {order.Side} order was not placed.") { Venue = Id };
        }

        return placed with { ClientOrderId = order.ClientOrderId };
    }

    /// <summary>A 404 (or NOT_FOUND) on an order path means the order does not exist.</summary>
    private async Task<T> SendAboutOrderAsync<T>(VenueRequest request, string orderId, CancellationToken ct)
    {
        try
        {
            return await _rest.SendAsync<T>(request, CoinbaseJson.Options, ct);
        }
        catch (BadRequest ex) when (ex.VenueCode is "404" or "NOT_FOUND" or "not_found")
        {
            throw new OrderNotFound($"Coinbase has no order {orderId}: {ex.Message}", ex) { Venue = Id, VenueCode = ex.VenueCode };
        }
    }

    private static VenueRequest Public(string path, VenueQuery? query = null) =>
        new(HttpMethod.Get, Prefix + path) { Query = query is null || query.IsEmpty ? null : query.ToString() };

    private VenueRequest Signed(HttpMethod method, string path, VenueQuery? query = null, string? body = null, bool placesOrder = false)
    {
        var fullPath = Prefix + path;
        var jwt = _signer.Value.CreateJwt(method.Method, _jwtHost, fullPath);
        return new VenueRequest(method, fullPath)
        {
            Query = query is null || query.IsEmpty ? null : query.ToString(),
            Body = body,
            Headers = [new("Authorization", $"Bearer {jwt}")],
            PlacesOrder = placesOrder,
        };
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// Robinhood Crypto Trading API behind <see cref="IExchange"/> (exchanges.md §3). Every request is signed with the
/// account's Ed25519 key (<c>x-api-key</c>, <c>x-timestamp</c>, <c>x-signature</c>). Robinhood publishes no candles and
/// no order book: <see cref="FetchOhlcvAsync"/> and <see cref="FetchOrderBookAsync"/> throw <see cref="NotSupported"/>
/// (ingestion builds candles from quotes); trades are the executions embedded in orders. Orders carry
/// <c>client_order_id</c> = <see cref="ClientOrderUuid.From"/> of the request's id (Robinhood requires a UUID), so a
/// redelivered order is recognised; an unknown create outcome is reconciled by listing orders, never by resending.
/// </summary>
public sealed class RobinhoodExchange : IExchange
{
    private const string Trading = "/api/v1/crypto/trading";
    private const string MarketData = "/api/v1/crypto/marketdata";
    private const int MaxEstimateQuantities = 10;

    private readonly RobinhoodOptions _options;
    private readonly VenueRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<RobinhoodExchange> _logger;
    private readonly Lazy<RobinhoodSigner> _signer;
    private IReadOnlyDictionary<Symbol, Market>? _markets;

    public RobinhoodExchange(VenueRestClientFactory factory, IOptions<RobinhoodOptions> options, TimeProvider time, ILogger<RobinhoodExchange> logger)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Testnet && _options.BaseUrl is null)
        {
            throw new NotSupported("Robinhood has no test environment (no testnet or sandbox); use the paper venue to trade without money.")
            {
                Venue = VenueIds.Robinhood,
            };
        }

        _time = time;
        _logger = logger;
        _rest = factory.Create(VenueIds.Robinhood, _options.ResolveBaseUrl(), RobinhoodMapper.Errors());
        _signer = new Lazy<RobinhoodSigner>(() => _options.HasCredentials
            ? RobinhoodSigner.Create(_options.ApiKey!, _options.ApiSecret!)
            : throw new AuthenticationError(
                "Every Robinhood endpoint needs the API key: set Venues:Robinhood:ApiKey (rh-api-…) and Venues:Robinhood:ApiSecret (the base64 Ed25519 "
                + "private key), e.g. environment variables Venues__Robinhood__ApiKey and Venues__Robinhood__ApiSecret.") { Venue = VenueIds.Robinhood });
    }

    /// <summary>100 requests per minute per account, bursts up to 300 (Robinhood's documented token bucket).</summary>
    public static VenueHttpSettings HttpSettings { get; } = new()
    {
        RateLimit = new RateLimitPolicy { Capacity = 300, Refill = 100, Window = TimeSpan.FromMinutes(1) },
    };

    public string Id => VenueIds.Robinhood;

    public ExchangeCapabilities Has { get; } = new()
    {
        FetchOhlcv = Capability.No,
        FetchOrderBook = Capability.No,
        CreateMarketBuyWithCost = Capability.No,
        FetchOrderByClientOrderId = Capability.Emulated,
        FetchMyTrades = Capability.Emulated,
    };

    public IReadOnlyList<Timeframe> Timeframes { get; } = [];

    public async Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default)
    {
        if (_markets is { } cached && !reload)
        {
            return cached;
        }

        var pairs = new List<RobinhoodTradingPair>();
        await foreach (var pair in PagesAsync<RobinhoodTradingPair>($"{Trading}/trading_pairs/", null, ct))
        {
            pairs.Add(pair);
        }

        var markets = MarketCatalog.Build(Id, _logger, pairs, p => p.Symbol, RobinhoodMapper.ToMarket);
        _markets = markets;
        return markets;
    }

    /// <summary>Best bid/ask including Robinhood's spread; <c>last</c> is Robinhood's reference price (there is no trade feed).</summary>
    public async Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        var market = await MarketAsync(symbol, ct);
        var response = await SendAsync<RobinhoodPage<RobinhoodQuote>>(
            Signed(HttpMethod.Get, $"{MarketData}/best_bid_ask/", new VenueQuery().Add("symbol", market.Id).ToString()), null, ct);
        var quote = response.Results?.FirstOrDefault(q => q.Symbol.Equals(market.Id, StringComparison.OrdinalIgnoreCase))
            ?? throw new BadResponse($"Robinhood answered best_bid_ask without a quote for {market.Id}.") { Venue = Id };
        return RobinhoodMapper.ToTicker(quote, _time.GetUtcNow());
    }

    public Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default) =>
        throw new NotSupported(
            $"Robinhood publishes no order book for {symbol}; use FetchTickerAsync for the best bid/ask, or the estimated price for a given size.")
        {
            Venue = Id,
        };

    public Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default) =>
        throw new NotSupported(
            $"Robinhood's Crypto Trading API has no candle (OHLCV) endpoint, so there are no {timeframe} candles for {symbol}; "
            + "build candles from sampled quotes (FetchTickerAsync) instead.")
        {
            Venue = Id,
        };

    /// <summary>Crypto holdings (free = available for trading) plus the account's buying power as the free quote currency.</summary>
    public async Task<Balance> FetchBalanceAsync(CancellationToken ct = default)
    {
        var account = await SendAsync<RobinhoodAccount>(Signed(HttpMethod.Get, $"{Trading}/accounts/"), null, ct);
        var holdings = new List<RobinhoodHolding>();
        await foreach (var holding in PagesAsync<RobinhoodHolding>($"{Trading}/holdings/", null, ct))
        {
            holdings.Add(holding);
        }

        return RobinhoodMapper.ToBalance(account, holdings, _time.GetUtcNow());
    }

    /// <summary>
    /// What Robinhood would charge or pay for each of up to 10 <paramref name="quantities"/> of <paramref name="symbol"/>
    /// (USD pairs). <paramref name="side"/> is Robinhood's: <c>bid</c>, <c>ask</c> or <c>both</c>.
    /// </summary>
    public async Task<IReadOnlyList<RobinhoodEstimatedPrice>> FetchEstimatedPricesAsync(Symbol symbol, string side, IReadOnlyList<decimal> quantities,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        var normalizedSide = side?.Trim().ToLowerInvariant();
        if (normalizedSide is not ("bid" or "ask" or "both"))
        {
            throw new BadRequest($"Robinhood estimated prices take side bid, ask or both, not '{side}'.") { Venue = Id };
        }

        if (quantities.Count is 0 or > MaxEstimateQuantities || quantities.Any(q => q <= 0m))
        {
            throw new BadRequest($"Robinhood estimated prices take 1 to {MaxEstimateQuantities} positive quantities.") { Venue = Id };
        }

        var market = await MarketAsync(symbol, ct);
        var query = new VenueQuery()
            .Add("symbol", market.Id)
            .Add("side", normalizedSide)
            .Add("quantity", string.Join(',', quantities.Select(q => Precision.ToWire(Precision.Truncate(q, market.Precision.AmountStep)))));
        var response = await SendAsync<RobinhoodPage<RobinhoodQuote>>(Signed(HttpMethod.Get, $"{MarketData}/estimated_price/", query.ToString()), null, ct);
        var now = _time.GetUtcNow();
        return [.. (response.Results ?? []).Select(q => RobinhoodMapper.ToEstimatedPrice(q, now))];
    }

    public async Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.QuoteAmount is not null)
        {
            throw new NotSupported($"{request.Symbol}: Robinhood market orders take a base quantity, not a quote amount.") { Venue = Id };
        }

        var market = await MarketAsync(request.Symbol, ct);
        var prepared = OrderValidator.Prepare(market, request);
        var body = JsonSerializer.Serialize(RobinhoodMapper.ToCreateOrder(prepared, market.Id),
            JsonContracts.Of<RobinhoodCreateOrderRequest>(RobinhoodJson.Options));
        return await OrderPlacement.PlaceOnceAsync(Id, _logger, prepared, () => PlaceAsync(prepared, body, ct), () => ReconcileAsync(prepared, ct));
    }

    /// <summary>Requests the cancel (Robinhood answers with text; the cancel is asynchronous), then reads the order back.</summary>
    public async Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await SendAsync(Signed(HttpMethod.Post, $"{Trading}/orders/{Uri.EscapeDataString(id)}/cancel/"), id, ct);
        return await FetchOrderAsync(id, symbol, ct);
    }

    public async Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var order = await SendAsync<RobinhoodOrder>(Signed(HttpMethod.Get, $"{Trading}/orders/{Uri.EscapeDataString(id)}/"), id, ct);
        return RobinhoodMapper.ToOrder(order);
    }

    /// <summary>
    /// Lists the orders created in the last <see cref="RobinhoodOptions.OrderLookback"/> and matches <c>client_order_id</c>.
    /// The result carries <paramref name="clientOrderId"/> as given.
    /// </summary>
    public async Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return await FindByClientOrderIdAsync(clientOrderId, symbol, _time.GetUtcNow() - _options.OrderLookback, ct);
    }

    /// <summary>Orders in state <c>open</c> and <c>partially_filled</c>.</summary>
    public async Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var pairId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        var orders = new List<Order>();
        foreach (var state in (string[])["open", "partially_filled"])
        {
            await foreach (var order in ListOrdersAsync(pairId, since, state, "created_at_start", ct))
            {
                orders.Add(RobinhoodMapper.ToOrder(order));
            }
        }

        return ResultWindow.Apply(orders, o => o.Timestamp ?? DateTimeOffset.MinValue, since, limit);
    }

    /// <summary>
    /// Emulated: the executions of orders updated since <paramref name="since"/> (default: the last
    /// <see cref="RobinhoodOptions.OrderLookback"/>), as trades with ids <c>orderId:index</c> and zero fee.
    /// </summary>
    public async Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var pairId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        var from = since ?? _time.GetUtcNow() - _options.OrderLookback;
        var trades = new List<Trade>();
        await foreach (var order in ListOrdersAsync(pairId, from, state: null, "updated_at_start", ct))
        {
            trades.AddRange(RobinhoodMapper.ToTrades(order));
        }

        return ResultWindow.Apply(trades, t => t.Timestamp, from, limit, newest: since is null);
    }

    private async Task<Market> MarketAsync(Symbol symbol, CancellationToken ct) => MarketCatalog.Get(await LoadMarketsAsync(ct: ct), symbol, Id);

    private async Task<Order?> FindByClientOrderIdAsync(string clientOrderId, Symbol? symbol, DateTimeOffset since, CancellationToken ct)
    {
        var pairId = symbol is { } s ? (await MarketAsync(s, ct)).Id : null;
        await foreach (var order in ListOrdersAsync(pairId, since, state: null, "created_at_start", ct))
        {
            if (ClientOrderUuid.Matches(order.ClientOrderId, clientOrderId))
            {
                return RobinhoodMapper.ToOrder(order) with { ClientOrderId = clientOrderId };
            }
        }

        return null;
    }

    /// <summary>
    /// POSTs the order. A duplicate client order id is Robinhood's idempotency check: if the earlier order is this one
    /// (a redelivered request) it is returned; otherwise the id clashes and nothing was placed.
    /// </summary>
    private async Task<Order> PlaceAsync(CreateOrderRequest order, string body, CancellationToken ct)
    {
        RobinhoodOrder created;
        try
        {
            created = await SendAsync<RobinhoodOrder>(Signed(HttpMethod.Post, $"{Trading}/orders/", body: body, placesOrder: true), null, ct);
        }
        catch (DuplicateOrderId)
        {
            var existing = await OrderPlacement.TryFindAsync(() => ReconcileAsync(order, ct));
            if (existing is null || existing.Symbol != order.Symbol || existing.Side != order.Side)
            {
                throw;
            }

            _logger.OrderAdopted(Id, order.ClientOrderId, existing.Id);
            return existing;
        }

        var placed = RobinhoodMapper.ToOrder(created) with { ClientOrderId = order.ClientOrderId };
        _logger.OrderPlaced(Id, order.ClientOrderId, order.Side, order.Amount, order.Symbol, placed.Id, placed.Status);
        return placed;
    }

    /// <summary>The order Robinhood holds under our client order id, created in the last hour.</summary>
    private Task<Order?> ReconcileAsync(CreateOrderRequest order, CancellationToken ct) =>
        FindByClientOrderIdAsync(order.ClientOrderId, order.Symbol, _time.GetUtcNow() - OrderPlacement.ReconcileLookback, ct);

    private IAsyncEnumerable<RobinhoodOrder> ListOrdersAsync(string? pairId, DateTimeOffset? since, string? state, string sinceFilter,
        CancellationToken ct)
    {
        var query = new VenueQuery()
            .Add(sinceFilter, since is { } from ? VenueText.FormatTime(from) : null)
            .Add("symbol", pairId)
            .Add("state", state);
        return PagesAsync<RobinhoodOrder>($"{Trading}/orders/", query.IsEmpty ? null : query.ToString(), ct);
    }

    /// <summary>Follows <c>next</c> (a full URL with a cursor) page by page, signing each page's own path and query.</summary>
    private async IAsyncEnumerable<T> PagesAsync<T>(string path, string? query, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Add($"{path}?{query}"))
        {
            var page = await SendAsync<RobinhoodPage<T>>(Signed(HttpMethod.Get, path, query), null, ct);
            foreach (var item in page.Results ?? [])
            {
                yield return item;
            }

            if (string.IsNullOrWhiteSpace(page.Next))
            {
                yield break;
            }

            if (!Uri.TryCreate(page.Next, UriKind.Absolute, out var next))
            {
                throw new BadResponse($"Robinhood sent next page '{page.Next}', which is not a URL.") { Venue = Id };
            }

            path = next.AbsolutePath;
            query = next.Query.Length > 1 ? next.Query[1..] : null;
        }

        throw new BadResponse($"Robinhood's next page repeats {path}; stopping instead of looping.") { Venue = Id };
    }

    private async Task<T> SendAsync<T>(VenueRequest request, string? orderId, CancellationToken ct)
    {
        try
        {
            return await _rest.SendAsync<T>(request, RobinhoodJson.Options, ct);
        }
        catch (BaseError ex) when (Refine(ex, orderId) is { } refined)
        {
            throw refined;
        }
    }

    private async Task SendAsync(VenueRequest request, string? orderId, CancellationToken ct)
    {
        try
        {
            await _rest.SendAsync(request, ct);
        }
        catch (BaseError ex) when (Refine(ex, orderId) is { } refined)
        {
            throw refined;
        }
    }

    /// <summary>What only the adapter knows: a 404 on an order path is a missing order; a 401 about the timestamp is a clock problem.</summary>
    private BaseError? Refine(BaseError error, string? orderId) => error switch
    {
        BadRequest when orderId is not null && error.VenueCode == "404" =>
            new OrderNotFound($"Robinhood has no order {orderId}: {error.Message}", error) { Venue = Id, VenueCode = error.VenueCode },
        AuthenticationError and not PermissionDenied when error.Message.Contains("timestamp", StringComparison.OrdinalIgnoreCase) =>
            new InvalidNonce($"{error.Message} (check this machine's clock: Robinhood accepts signatures for 30 s)", error)
            {
                Venue = Id,
                VenueCode = error.VenueCode,
            },
        _ => null,
    };

    private VenueRequest Signed(HttpMethod method, string path, string? query = null, string? body = null, bool placesOrder = false)
    {
        var signer = _signer.Value;
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var signature = signer.Sign(timestamp, string.IsNullOrEmpty(query) ? path : $"{path}?{query}", method.Method, body ?? "");
        return new VenueRequest(method, path)
        {
            Query = string.IsNullOrEmpty(query) ? null : query,
            Body = body,
            Headers =
            [
                new(RobinhoodSigner.ApiKeyHeader, signer.ApiKey),
                new(RobinhoodSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)),
                new(RobinhoodSigner.SignatureHeader, signature),
            ],
            PlacesOrder = placesOrder,
        };
    }
}

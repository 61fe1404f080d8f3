using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Binance;

/// <summary>
/// Binance spot over REST (<c>/api/v3</c>): HMAC-SHA256 or Ed25519 signed requests with <c>recvWindow</c> and a
/// server-time offset (resynchronised and retried once on -1021), request weights fed to the venue's rate limiter
/// (synced from <c>X-MBX-USED-WEIGHT-1m</c>, 429/418 bans obeyed), exchangeInfo filters as market precision/limits,
/// paginated klines, and orders that always carry our client order id. Before the first live order the key's API
/// restrictions are read and a key that can withdraw is refused.
/// </summary>
#pragma warning disable CA1001 // The markets semaphore never allocates a wait handle (only WaitAsync), so there is nothing to dispose.
public sealed class BinanceExchange : IExchange
#pragma warning restore CA1001
{
    private const int MaxKlinesPerRequest = 1000;
    private const int MaxTradesPerRequest = 1000;

    private readonly BinanceOptions _options;
    private readonly VenueRestClient _rest;
    private readonly VenueRateLimiter? _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<BinanceExchange> _logger;
    private readonly SemaphoreSlim _marketsLock = new(1, 1);
    private BinanceSigner? _signer;
    private IReadOnlyDictionary<Symbol, Market>? _markets;
    private Dictionary<string, Symbol> _symbolsById = new(StringComparer.Ordinal);
    private long _clockOffsetMs;
    private bool _keyChecked;

    public BinanceExchange(VenueRestClientFactory http, IOptions<BinanceOptions> options, TimeProvider time, ILogger<BinanceExchange> logger,
        [FromKeyedServices(VenueIds.Binance)] VenueRateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _rest = http.Create(VenueIds.Binance, _options.ResolveBaseUrl(), BinanceMapper.Errors);
        _limiter = limiter;
        _time = time;
        _logger = logger;
    }

    /// <summary>Binance's HTTP client settings: 6000 request weight per minute, synced from X-MBX-USED-WEIGHT-1m.</summary>
    public static VenueHttpSettings HttpSettings { get; } = new()
    {
        RateLimit = new RateLimitPolicy
        {
            Capacity = 6000,
            Window = TimeSpan.FromMinutes(1),
            UsedWeightHeader = "X-MBX-USED-WEIGHT-1m",
            DefaultBackoff = TimeSpan.FromSeconds(60),
            DefaultBan = TimeSpan.FromMinutes(2),
        },
    };

    public string Id => VenueIds.Binance;

    public ExchangeCapabilities Has { get; } = new()
    {
        CreateMarketBuyWithCost = Capability.Yes,
        CreatePostOnlyOrder = Capability.Yes,
    };

    public IReadOnlyList<Timeframe> Timeframes => BinanceMapper.Timeframes;

    /// <summary>The REST host this adapter talks to.</summary>
    public Uri BaseUrl => _rest.BaseUrl;

    public async Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default)
    {
        if (_markets is { } cached && !reload)
        {
            return cached;
        }

        await _marketsLock.WaitAsync(ct);
        try
        {
            if (_markets is { } loaded && !reload)
            {
                return loaded;
            }

            var info = await PublicAsync<BinanceExchangeInfo>("/api/v3/exchangeInfo", new VenueQuery(), 20, ct);
            var markets = new Dictionary<Symbol, Market>();
            var byId = new Dictionary<string, Symbol>(StringComparer.Ordinal);
            foreach (var raw in info.Symbols)
            {
                var market = BinanceMapper.ToMarket(raw);
                markets[market.Symbol] = market;
                byId[raw.Symbol] = market.Symbol;
            }

            if (info.RateLimits.FirstOrDefault(r => r is { RateLimitType: "REQUEST_WEIGHT", Interval: "MINUTE", IntervalNum: 1 }) is { Limit: > 0 } weight)
            {
                _limiter?.SetCapacity(weight.Limit);
            }

            _symbolsById = byId;
            _markets = markets;
            return markets;
        }
        finally
        {
            _marketsLock.Release();
        }
    }

    public async Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        var id = await MarketIdAsync(symbol, ct);
        var raw = await PublicAsync<BinanceTicker24h>("/api/v3/ticker/24hr", new VenueQuery().Add("symbol", id), 2, ct);
        return BinanceMapper.ToTicker(raw, symbol);
    }

    public async Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default)
    {
        var id = await MarketIdAsync(symbol, ct);
        var wanted = limit ?? 100;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted, nameof(limit));
        var depth = BinanceMapper.DepthLimits.FirstOrDefault(l => l >= wanted, 5000);
        var weight = depth switch { <= 100 => 5, <= 500 => 25, <= 1000 => 50, _ => 250 };
        var raw = await PublicAsync<BinanceDepth>("/api/v3/depth",
            new VenueQuery().Add("symbol", id).Add("limit", depth.ToString(CultureInfo.InvariantCulture)), weight, ct);
        return BinanceMapper.ToOrderBook(raw, symbol, wanted);
    }

    public async Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        if (!BinanceMapper.Timeframes.Contains(timeframe))
        {
            throw new BadRequest($"binance has no {timeframe} candles; use one of {string.Join(", ", BinanceMapper.Timeframes)}.") { Venue = Id };
        }

        if (limit is <= 0)
        {
            throw new BadRequest($"binance: the candle limit must be positive, got {limit}.") { Venue = Id };
        }

        var id = await MarketIdAsync(symbol, ct);
        var now = _time.GetUtcNow();
        var start = since ?? (limit is > MaxKlinesPerRequest ? now - (timeframe.Duration * limit.Value) : (DateTimeOffset?)null);
        var candles = new List<Candle>();
        while (true)
        {
            var want = limit is { } l ? Math.Min(l - candles.Count, MaxKlinesPerRequest) : start is null ? 500 : MaxKlinesPerRequest;
            var query = new VenueQuery().Add("symbol", id).Add("interval", timeframe.ToString())
                .Add("startTime", start?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
                .Add("limit", want.ToString(CultureInfo.InvariantCulture));
            var page = await PublicAsync<List<JsonElement[]>>("/api/v3/klines", query, 2, ct);
            var batch = page.Select(BinanceMapper.ToCandle).Where(c => since is null || c.Time >= since).ToList();
            candles.AddRange(batch.Where(c => candles.Count == 0 || c.Time > candles[^1].Time));
            if (start is null || page.Count < want || (limit is { } max && candles.Count >= max) || batch.Count == 0
                || candles[^1].Time + timeframe.Duration > now)
            {
                break;
            }

            start = candles[^1].Time.AddMilliseconds(1);
        }

        return limit is { } cap && candles.Count > cap ? candles[^cap..] : candles;
    }

    public async Task<Balance> FetchBalanceAsync(CancellationToken ct = default)
    {
        var raw = await SignedAsync<BinanceAccount>(HttpMethod.Get, "/api/v3/account", new VenueQuery().Add("omitZeroBalances", "true"), 20, false, ct);
        return BinanceMapper.ToBalance(raw);
    }

    public async Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var market = await MarketAsync(request.Symbol, ct);
        decimal? reference = null;
        if (request.Type == OrderType.Market && request.QuoteAmount is null && (market.Limits.Cost.Min is not null || market.Limits.Cost.Max is not null))
        {
            var book = await PublicAsync<BinanceBookTicker>("/api/v3/ticker/bookTicker", new VenueQuery().Add("symbol", market.Id), 2, ct);
            reference = request.Side == OrderSide.Buy ? book.AskPrice : book.BidPrice;
        }

        var order = OrderValidator.Prepare(market, request, reference);
        await EnsureTradingKeyAsync(ct);
        var clientOrderId = BinanceMapper.ClientOrderId(order.ClientOrderId);
        var type = order.Type == OrderType.Market ? "MARKET" : order.PostOnly ? "LIMIT_MAKER" : "LIMIT";
        var query = new VenueQuery()
            .Add("symbol", market.Id)
            .Add("side", BinanceMapper.Side(order.Side))
            .Add("type", type)
            .Add("timeInForce", type == "LIMIT" ? (order.TimeInForce ?? "GTC").ToUpperInvariant() : null)
            .Add("quantity", order.Amount is { } amount ? BinanceMapper.Wire(amount) : null)
            .Add("quoteOrderQty", order.QuoteAmount is { } quote ? BinanceMapper.Wire(quote) : null)
            .Add("price", order.Price is { } price ? BinanceMapper.Wire(price) : null)
            .Add("newClientOrderId", clientOrderId)
            .Add("newOrderRespType", "FULL");
        try
        {
            var raw = await SignedAsync<BinanceOrder>(HttpMethod.Post, "/api/v3/order", query, 1, true, ct);
            var placed = BinanceMapper.ToOrder(raw, market.Symbol);
            _logger.OrderPlaced(Id, clientOrderId, placed.Side, placed.Amount, market.Symbol, placed.Id, placed.Status);
            return placed;
        }
        catch (DuplicateOrderId)
        {
            var existing = await TryFindAsync(clientOrderId, market.Symbol, ct);
            if (existing is null)
            {
                throw;
            }

            _logger.OrderAdopted(Id, clientOrderId, existing.Id);
            return existing;
        }
        catch (NetworkError ex) when (ex is not (RateLimitExceeded or DDoSProtection or InvalidNonce))
        {
            var errorType = ex.GetType().Name;
            _logger.OrderOutcomeUnknown(Id, clientOrderId, errorType);
            if (await TryFindAsync(clientOrderId, market.Symbol, ct) is { } found)
            {
                _logger.OrderAdopted(Id, clientOrderId, found.Id);
                return found;
            }

            throw;
        }
    }

    public async Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        var market = await MarketAsync(RequireSymbol(symbol, "CancelOrder"), ct);
        var raw = await SignedAsync<BinanceOrder>(HttpMethod.Delete, "/api/v3/order",
            new VenueQuery().Add("symbol", market.Id).Add("orderId", OrderId(id)), 1, false, ct);
        return BinanceMapper.ToOrder(raw, market.Symbol);
    }

    public async Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        var market = await MarketAsync(RequireSymbol(symbol, "FetchOrder"), ct);
        var raw = await SignedAsync<BinanceOrder>(HttpMethod.Get, "/api/v3/order",
            new VenueQuery().Add("symbol", market.Id).Add("orderId", OrderId(id)), 4, false, ct);
        return BinanceMapper.ToOrder(raw, market.Symbol);
    }

    public async Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default)
    {
        var market = await MarketAsync(RequireSymbol(symbol, "FetchOrderByClientOrderId"), ct);
        try
        {
            var raw = await SignedAsync<BinanceOrder>(HttpMethod.Get, "/api/v3/order",
                new VenueQuery().Add("symbol", market.Id).Add("origClientOrderId", BinanceMapper.ClientOrderId(clientOrderId)), 4, false, ct);
            return BinanceMapper.ToOrder(raw, market.Symbol);
        }
        catch (OrderNotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        await LoadMarketsAsync(false, ct);
        var query = new VenueQuery();
        if (symbol is { } s)
        {
            query.Add("symbol", await MarketIdAsync(s, ct));
        }

        var raw = await SignedAsync<List<BinanceOrder>>(HttpMethod.Get, "/api/v3/openOrders", query, symbol is null ? 80 : 6, false, ct);
        var orders = raw.Select(o => BinanceMapper.ToOrder(o, SymbolOf(o.Symbol)))
            .Where(o => since is null || o.Timestamp >= since)
            .OrderBy(o => o.Timestamp)
            .ToList();
        return limit is { } n && orders.Count > n ? orders[..n] : orders;
    }

    public async Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        var market = await MarketAsync(RequireSymbol(symbol, "FetchMyTrades"), ct);
        var query = new VenueQuery().Add("symbol", market.Id)
            .Add("startTime", since?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .Add("limit", Math.Clamp(limit ?? 500, 1, MaxTradesPerRequest).ToString(CultureInfo.InvariantCulture));
        var raw = await SignedAsync<List<BinanceMyTrade>>(HttpMethod.Get, "/api/v3/myTrades", query, 20, false, ct);
        return [.. raw.Select(t => BinanceMapper.ToTrade(t, market.Symbol)).OrderBy(t => t.Timestamp)];
    }

    /// <summary>Reads the server time and stores the offset to the local clock (applied to every signed timestamp).</summary>
    public async Task SyncTimeAsync(CancellationToken ct = default)
    {
        var before = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var server = await PublicAsync<BinanceServerTime>("/api/v3/time", new VenueQuery(), 1, ct);
        var after = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var offset = server.ServerTime - ((before + after) / 2);
        Interlocked.Exchange(ref _clockOffsetMs, offset);
        _logger.ClockSynced(Id, offset);
    }

    /// <summary>
    /// Refuses a live key that can withdraw (or cannot trade spot), reading <c>GET /sapi/v1/account/apiRestrictions</c>
    /// once. Skipped on testnet/demo, which have no <c>/sapi</c> endpoints.
    /// </summary>
    public async Task EnsureTradingKeyAsync(CancellationToken ct = default)
    {
        if (_keyChecked || !_options.IsLive)
        {
            return;
        }

        var restrictions = await SignedAsync<BinanceApiRestrictions>(HttpMethod.Get, "/sapi/v1/account/apiRestrictions", new VenueQuery(), 1, false, ct);
        _logger.KeyRestrictionsChecked(Id, restrictions.EnableSpotAndMarginTrading, restrictions.EnableWithdrawals);
        if (restrictions.EnableWithdrawals)
        {
            throw new PermissionDenied(
                "binance: this API key has withdrawals enabled; TradingBot refuses to trade with a key that can move funds off the exchange. "
                + "Edit the key's restrictions on Binance (untick 'Enable Withdrawals') or create a trade-only key (see docs/venues.md).")
            {
                Venue = Id,
            };
        }

        if (!restrictions.EnableSpotAndMarginTrading)
        {
            throw new PermissionDenied("binance: this API key does not have 'Enable Spot & Margin Trading'; enable it (trade only, no withdrawals).")
            {
                Venue = Id,
            };
        }

        _keyChecked = true;
    }

    private async Task<Order?> TryFindAsync(string clientOrderId, Symbol symbol, CancellationToken ct)
    {
        try
        {
            return await FetchOrderByClientOrderIdAsync(clientOrderId, symbol, ct);
        }
        catch (BaseError)
        {
            return null;
        }
    }

    private async Task<T> PublicAsync<T>(string path, VenueQuery query, int weight, CancellationToken ct)
    {
        var request = new VenueRequest(HttpMethod.Get, path) { Query = query.IsEmpty ? null : query.ToString(), Weight = weight };
        return await _rest.SendAsync<T>(request, BinanceMessages.Json, ct);
    }

    private async Task<T> SignedAsync<T>(HttpMethod method, string path, VenueQuery parameters, int weight, bool placesOrder, CancellationToken ct)
    {
        var signer = Signer();
        for (var attempt = 0; ; attempt++)
        {
            var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Read(ref _clockOffsetMs);
            var payload = new VenueQuery().Append(parameters)
                .Add("recvWindow", Math.Clamp(_options.RecvWindow, 1, 60000).ToString(CultureInfo.InvariantCulture))
                .Add("timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            var text = payload.ToString();
            var signed = payload.AddEncoded("signature", signer.Sign(text)).ToString();
            var inBody = method == HttpMethod.Post;
            var request = new VenueRequest(method, path)
            {
                Query = inBody ? null : signed,
                Body = inBody ? signed : null,
                ContentType = "application/x-www-form-urlencoded",
                Headers = [new("X-MBX-APIKEY", _options.ApiKey!.Trim())],
                Weight = weight,
                PlacesOrder = placesOrder,
            };
            try
            {
                return await _rest.SendAsync<T>(request, BinanceMessages.Json, ct);
            }
            catch (InvalidNonce ex) when (attempt == 0)
            {
                _logger.TimestampRejected(Id, ex.VenueCode);
                await SyncTimeAsync(ct);
            }
        }
    }

    private BinanceSigner Signer()
    {
        if (_signer is { } signer)
        {
            return signer;
        }

        if (!_options.HasCredentials)
        {
            throw new AuthenticationError(
                "binance: this call needs an API key; set Venues:Binance:ApiKey and Venues:Binance:ApiSecret (env Venues__Binance__ApiKey / Venues__Binance__ApiSecret).")
            {
                Venue = Id,
            };
        }

        return _signer = BinanceSigner.Create(_options.ApiSecret!, _options.KeyType);
    }

    private async Task<Market> MarketAsync(Symbol symbol, CancellationToken ct)
    {
        var markets = await LoadMarketsAsync(false, ct);
        return markets.TryGetValue(symbol, out var market)
            ? market
            : throw new BadSymbol($"binance has no market {symbol}.") { Venue = Id };
    }

    private async Task<string> MarketIdAsync(Symbol symbol, CancellationToken ct) => (await MarketAsync(symbol, ct)).Id;

    private Symbol SymbolOf(string marketId) => _symbolsById.TryGetValue(marketId, out var symbol)
        ? symbol
        : throw new BadResponse($"binance returned an order for unknown market {marketId}.") { Venue = Id };

    private Symbol RequireSymbol(Symbol? symbol, string method) => symbol ?? throw new ArgumentsRequired($"binance {method} requires a symbol.") { Venue = Id };

    private string OrderId(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
        ? id
        : throw new OrderNotFound($"binance order ids are numbers; '{id}' is not one (use the client order id lookup for our own ids).") { Venue = Id };
}

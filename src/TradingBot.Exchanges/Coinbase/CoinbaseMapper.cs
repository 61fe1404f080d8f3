using System.Globalization;
using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Coinbase;

/// <summary>
/// Coinbase Advanced Trade wire shapes ⇄ the unified CCXT records (exchanges.md §2.4–§2.11): product ids
/// (<c>BTC-USD</c>), markets in TICK_SIZE precision, ticker, book, candles, balances, order bodies, orders, fills,
/// statuses, and every documented error to its CCXT exception.
/// </summary>
internal static class CoinbaseMapper
{
    public const string Venue = "coinbase";

    /// <summary>Coinbase's per-request candle cap (exchanges.md §2.6: 300 is the tested safe figure).</summary>
    public const int MaxCandlesPerRequest = 300;

    private static readonly (TimeSpan Duration, string Granularity)[] Granularities =
    [
        (TimeSpan.FromMinutes(1), "ONE_MINUTE"),
        (TimeSpan.FromMinutes(5), "FIVE_MINUTE"),
        (TimeSpan.FromMinutes(15), "FIFTEEN_MINUTE"),
        (TimeSpan.FromMinutes(30), "THIRTY_MINUTE"),
        (TimeSpan.FromHours(1), "ONE_HOUR"),
        (TimeSpan.FromHours(2), "TWO_HOUR"),
        (TimeSpan.FromHours(4), "FOUR_HOUR"),
        (TimeSpan.FromHours(6), "SIX_HOUR"),
        (TimeSpan.FromDays(1), "ONE_DAY"),
    ];

    public static IReadOnlyList<Timeframe> Timeframes { get; } = [.. Granularities.Select(g => new Timeframe(g.Duration))];

    public static Symbol ToSymbol(string? productId, string field = "product_id") => VenueText.Symbol(productId, Venue, field);

    public static string Granularity(Timeframe timeframe)
    {
        foreach (var (duration, granularity) in Granularities)
        {
            if (duration == timeframe.Duration)
            {
                return granularity;
            }
        }

        throw new NotSupported(
            $"Coinbase has no {timeframe} candles; it offers {string.Join(", ", Timeframes)}.") { Venue = Venue };
    }

    public static Market ToMarket(CoinbaseProduct product, decimal taker, decimal maker)
    {
        var symbol = product.BaseCurrencyId is { Length: > 0 } b && product.QuoteCurrencyId is { Length: > 0 } q
            ? new Symbol(b, q)
            : ToSymbol(product.ProductId);
        var field = $"product {product.ProductId}";
        var amountStep = Required(product.BaseIncrement, $"{field} base_increment");
        var priceTick = Optional(product.PriceIncrement, $"{field} price_increment") ?? Required(product.QuoteIncrement, $"{field} quote_increment");
        return new Market(product.ProductId, symbol,
            new MarketPrecision(amountStep, priceTick) { CostStep = Optional(product.QuoteIncrement, $"{field} quote_increment") },
            new MarketLimits
            {
                Amount = new MinMax(Positive(product.BaseMinSize, $"{field} base_min_size"), Positive(product.BaseMaxSize, $"{field} base_max_size")),
                Cost = new MinMax(Positive(product.QuoteMinSize, $"{field} quote_min_size"), Positive(product.QuoteMaxSize, $"{field} quote_max_size")),
            })
        {
            Active = !product.TradingDisabled && !product.IsDisabled && !product.CancelOnly && !product.ViewOnly
                     && (product.Status is null or "" || product.Status.Equals("online", StringComparison.OrdinalIgnoreCase)),
            MarketOrdersAllowed = !product.LimitOnly && !product.PostOnly && !product.AuctionMode,
            Taker = taker,
            Maker = maker,
        };
    }

    public static Ticker ToTicker(Symbol symbol, CoinbaseTickerResponse ticker, CoinbasePriceBook? best, DateTimeOffset now)
    {
        var last = ticker.Trades is { Count: > 0 } trades ? trades[0] : null;
        var bestBid = best?.Bids is { Count: > 0 } bids ? bids[0] : null;
        var bestAsk = best?.Asks is { Count: > 0 } asks ? asks[0] : null;
        var timestamp = Time(best?.Time, "pricebook time") ?? Time(last?.Time, "trades[0].time") ?? now;
        return new Ticker(symbol, timestamp)
        {
            Last = Optional(last?.Price, "trades[0].price"),
            Bid = Optional(bestBid?.Price, "best bid price") ?? Optional(ticker.BestBid, "best_bid"),
            BidVolume = Optional(bestBid?.Size, "best bid size"),
            Ask = Optional(bestAsk?.Price, "best ask price") ?? Optional(ticker.BestAsk, "best_ask"),
            AskVolume = Optional(bestAsk?.Size, "best ask size"),
        };
    }

    public static OrderBook ToOrderBook(Symbol symbol, CoinbaseProductBookResponse response, DateTimeOffset now)
    {
        var book = response.Pricebook ?? throw new BadResponse("Coinbase sent a product book without 'pricebook'.") { Venue = Venue };
        return new OrderBook(symbol, Levels(book.Bids, "bids"), Levels(book.Asks, "asks"), Time(book.Time, "pricebook time") ?? now);
    }

    public static Candle ToCandle(CoinbaseCandle candle)
    {
        var start = Required(candle.Start, "candle start");
        return new Candle(DateTimeOffset.FromUnixTimeSeconds(checked((long)start)),
            Required(candle.Open, "candle open"), Required(candle.High, "candle high"), Required(candle.Low, "candle low"),
            Required(candle.Close, "candle close"), Required(candle.Volume, "candle volume"));
    }

    /// <summary>Sums free (<c>available_balance</c>) and used (<c>hold</c>) per currency over every account.</summary>
    public static Balance ToBalance(IEnumerable<CoinbaseAccount> accounts, DateTimeOffset now)
    {
        var totals = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var currency = (account.Currency ?? account.AvailableBalance?.Currency)?.ToUpperInvariant();
            if (string.IsNullOrEmpty(currency))
            {
                throw new BadResponse($"Coinbase sent account {account.Uuid} without a currency.") { Venue = Venue };
            }

            var free = Optional(account.AvailableBalance?.Value, $"{currency} available_balance") ?? 0m;
            var used = Optional(account.Hold?.Value, $"{currency} hold") ?? 0m;
            var sum = totals.TryGetValue(currency, out var known) ? known : default;
            totals[currency] = new CurrencyBalance(sum.Free + free, sum.Used + used);
        }

        return new Balance(totals, now);
    }

    /// <summary>The POST /orders body for an order already checked against the market (precision applied).</summary>
    public static CoinbaseCreateOrderRequest ToCreateOrder(CreateOrderRequest order, string productId)
    {
        var side = order.Side == OrderSide.Buy ? "BUY" : "SELL";
        var tif = order.TimeInForce?.ToUpperInvariant();
        (string Key, CoinbaseOrderTerms Terms) configuration;
        if (order.Type == OrderType.Market)
        {
            if (tif is not (null or "IOC") || order.PostOnly)
            {
                throw new InvalidOrder($"{order.Symbol}: Coinbase market orders are immediate-or-cancel and cannot be post-only.") { Venue = Venue };
            }

            configuration = ("market_market_ioc", order.QuoteAmount is { } quote
                ? new CoinbaseOrderTerms { QuoteSize = Precision.ToWire(quote) }
                : new CoinbaseOrderTerms { BaseSize = Wire(order.Amount, order.Symbol, "amount") });
        }
        else
        {
            var baseSize = Wire(order.Amount, order.Symbol, "amount");
            var limit = Wire(order.Price, order.Symbol, "price");
            if (order.PostOnly && tif is not (null or "GTC"))
            {
                throw new InvalidOrder($"{order.Symbol}: post-only is only for good-till-cancelled limit orders on Coinbase.") { Venue = Venue };
            }

            configuration = tif switch
            {
                null or "GTC" => ("limit_limit_gtc", new CoinbaseOrderTerms { BaseSize = baseSize, LimitPrice = limit, PostOnly = order.PostOnly }),
                "IOC" => ("sor_limit_ioc", new CoinbaseOrderTerms { BaseSize = baseSize, LimitPrice = limit }),
                "FOK" => ("limit_limit_fok", new CoinbaseOrderTerms { BaseSize = baseSize, LimitPrice = limit }),
                _ => throw new InvalidOrder($"{order.Symbol}: time in force '{order.TimeInForce}' is not supported; use GTC, IOC or FOK.") { Venue = Venue },
            };
        }

        return new CoinbaseCreateOrderRequest(ClientOrderUuid.From(order.ClientOrderId), productId, side,
            new Dictionary<string, CoinbaseOrderTerms>(StringComparer.Ordinal) { [configuration.Key] = configuration.Terms });
    }

    /// <summary>The order we just created, as far as the create response and our request tell (used when the follow-up GET fails).</summary>
    public static Order ToCreatedOrder(CreateOrderRequest order, string orderId, DateTimeOffset now) =>
        new Order(orderId, ClientOrderUuid.From(order.ClientOrderId), order.Symbol, order.Type, order.Side, OrderStatus.Open)
        {
            Timestamp = now,
            Price = order.Price,
            Amount = order.Amount,
            PostOnly = order.PostOnly,
            TimeInForce = order.Type == OrderType.Market ? "IOC" : order.TimeInForce?.ToUpperInvariant() ?? "GTC",
        }.Normalize();

    public static Order ToOrder(CoinbaseOrder order)
    {
        var symbol = ToSymbol(order.ProductId, $"order {order.OrderId} product_id");
        var field = $"order {order.OrderId}";
        var terms = Terms(order.OrderConfiguration);
        var filled = Optional(order.FilledSize, $"{field} filled_size") ?? 0m;
        var average = Optional(order.AverageFilledPrice, $"{field} average_filled_price");
        var totalFees = Optional(order.TotalFees, $"{field} total_fees");
        return new Order(order.OrderId, order.ClientOrderId ?? "", symbol, ToOrderType(order.OrderType, terms.Key),
            ToSide(order.Side, field), ToStatus(order.Status))
        {
            Timestamp = Time(order.CreatedTime, $"{field} created_time"),
            LastTradeTimestamp = Time(order.LastFillTime, $"{field} last_fill_time"),
            Price = Optional(terms.Terms?.LimitPrice, $"{field} limit_price"),
            TriggerPrice = Optional(terms.Terms?.StopPrice, $"{field} stop_price") ?? Optional(terms.Terms?.StopTriggerPrice, $"{field} stop_trigger_price"),
            PostOnly = terms.Terms?.PostOnly == true,
            Amount = Optional(terms.Terms?.BaseSize, $"{field} base_size"),
            Filled = filled,
            Cost = Optional(order.FilledValue, $"{field} filled_value"),
            Average = filled > 0m && average > 0m ? average : null,
            TimeInForce = order.TimeInForce switch
            {
                "GOOD_UNTIL_CANCELLED" => "GTC",
                "GOOD_UNTIL_DATE_TIME" => "GTD",
                "IMMEDIATE_OR_CANCEL" => "IOC",
                "FILL_OR_KILL" => "FOK",
                _ => null,
            },
            Fees = totalFees is { } fee && (fee != 0m || filled > 0m) ? [new Fee(fee, symbol.Quote)] : [],
        }.Normalize();
    }

    /// <summary>Exchanges.md §2.10: queued/pending/cancel-queued stay open; FAILED is rejected; unknown values stay open (re-check later).</summary>
    public static OrderStatus ToStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "FILLED" => OrderStatus.Closed,
        "CANCELLED" => OrderStatus.Canceled,
        "EXPIRED" => OrderStatus.Expired,
        "FAILED" => OrderStatus.Rejected,
        _ => OrderStatus.Open,
    };

    /// <summary>A fill; when <c>size_in_quote</c> the size is quote currency: amount = size / price.</summary>
    public static Trade ToTrade(CoinbaseFill fill)
    {
        var symbol = ToSymbol(fill.ProductId, $"fill {fill.TradeId} product_id");
        var field = $"fill {fill.TradeId}";
        var price = Required(fill.Price, $"{field} price");
        var size = Required(fill.Size, $"{field} size");
        var amount = fill.SizeInQuote ? (price == 0m ? throw new BadResponse($"Coinbase sent {field} with price 0.") { Venue = Venue } : size / price) : size;
        return new Trade(fill.TradeId ?? fill.EntryId ?? "", fill.OrderId ?? "", symbol, ToSide(fill.Side, field), price, amount,
            Time(fill.TradeTime, $"{field} trade_time") ?? throw new BadResponse($"Coinbase sent {field} without trade_time.") { Venue = Venue })
        {
            Fee = Optional(fill.Commission, $"{field} commission") is { } commission ? new Fee(commission, symbol.Quote) : null,
            TakerOrMaker = fill.LiquidityIndicator switch
            {
                "MAKER" => "maker",
                "TAKER" => "taker",
                _ => null,
            },
        };
    }

    /// <summary>A 200 <c>success:false</c> create response → the CCXT error its reason means (exchanges.md §2.8, §2.11).</summary>
    public static ExchangeError ToCreateOrderError(CoinbaseCreateOrderError? error, Symbol symbol)
    {
        var reason = FirstReason(error?.Error, error?.NewOrderFailureReason, error?.PreviewFailureReason);
        var detail = string.Join(": ", new[] { error?.Message, error?.ErrorDetails }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct());
        var message = $"Coinbase rejected the {symbol} order: {reason}{(detail.Length > 0 ? $" ({detail})" : "")}.";
        ExchangeError exception = reason switch
        {
            "INSUFFICIENT_FUND" or "INSUFFICIENT_FUNDS" or "INVALID_LEDGER_BALANCE" => new InsufficientFunds(message) { Venue = Venue, VenueCode = reason },
            "INVALID_LIMIT_PRICE_POST_ONLY" => new OrderImmediatelyFillable(message) { Venue = Venue, VenueCode = reason },
            "INVALID_NO_LIQUIDITY" => new OrderNotFillable(message) { Venue = Venue, VenueCode = reason },
            "INVALID_PRODUCT_ID" or "INELIGIBLE_PAIR" or "UNTRADABLE_PRODUCT" => new BadSymbol(message) { Venue = Venue, VenueCode = reason },
            "ORDER_ENTRY_DISABLED" => new MarketClosed(message) { Venue = Venue, VenueCode = reason },
            "GEOFENCING_RESTRICTION" => new RestrictedLocation(message) { Venue = Venue, VenueCode = reason },
            "INVALID_REQUEST" => new BadRequest(message) { Venue = Venue, VenueCode = reason },
            "UNKNOWN_FAILURE_REASON" => new ExchangeError(message) { Venue = Venue, VenueCode = reason },
            _ => new InvalidOrder(message) { Venue = Venue, VenueCode = reason },
        };
        return exception;
    }

    /// <summary>A per-order <c>success:false</c> in a batch-cancel response.</summary>
    public static BaseError ToCancelError(string? failureReason, string orderId)
    {
        var reason = string.IsNullOrWhiteSpace(failureReason) ? "UNKNOWN_CANCEL_FAILURE_REASON" : failureReason;
        var message = $"Coinbase did not cancel order {orderId}: {reason}.";
        BaseError exception = reason switch
        {
            "UNKNOWN_CANCEL_ORDER" or "ORDER_IS_FULLY_FILLED" => new OrderNotFound(message) { Venue = Venue, VenueCode = reason },
            "DUPLICATE_CANCEL_REQUEST" => new CancelPending(message) { Venue = Venue, VenueCode = reason },
            "INVALID_CANCEL_PRODUCT_ID" => new BadSymbol(message) { Venue = Venue, VenueCode = reason },
            "INVALID_CANCEL_REQUEST" => new BadRequest(message) { Venue = Venue, VenueCode = reason },
            "NOT_ALLOWED_TO_CANCEL" => new PermissionDenied(message) { Venue = Venue, VenueCode = reason },
            "COMMANDER_REJECTED_CANCEL_ORDER" or "ORDER_IS_BEING_REPLACED" or "INVALID_CANCEL_FCM_TRADING_SESSION" => new InvalidOrder(message) { Venue = Venue, VenueCode = reason },
            _ => new ExchangeError(message) { Venue = Venue, VenueCode = reason },
        };
        return exception;
    }

    /// <summary>
    /// The HTTP error table (exchanges.md §2.11). Bodies are <c>{"error","message","error_details"}</c> or the v2 shape
    /// <c>{"errors":[{"id","message"}]}</c>; a bad JWT gets plain-text <c>Unauthorized</c> (→ 401 → AuthenticationError).
    /// Unlike CCXT's generic table, Coinbase's 400/403/404 are definitive refusals, not outages. A 404 on an order path
    /// becomes <see cref="OrderNotFound"/> in the adapter, which knows the path.
    /// </summary>
    public static VenueErrorMap Errors() => new VenueErrorMap(ReadError)
        .Broad("request timestamp expired", m => new InvalidNonce(m))
        .Broad("number of candles", m => new BadRequest(m + " (the candle window is too large)"))
        .Broad("Missing required scopes", m => new PermissionDenied(m))
        .Code("UNAUTHENTICATED", m => new AuthenticationError(m))
        .Code("authentication_error", m => new AuthenticationError(m))
        .Code("invalid_token", m => new AuthenticationError(m))
        .Code("expired_token", m => new InvalidNonce(m))
        .Code("PERMISSION_DENIED", m => new PermissionDenied(m))
        .Code("NOT_FOUND", m => new BadRequest(m))
        .Code("not_found", m => new BadRequest(m))
        .Code("INVALID_ARGUMENT", m => new BadRequest(m))
        .Code("invalid_request", m => new BadRequest(m))
        .Code("FAILED_PRECONDITION", m => new BadRequest(m))
        .Code("OUT_OF_RANGE", m => new BadRequest(m))
        .Code("ALREADY_EXISTS", m => new DuplicateOrderId(m))
        .Code("UNIMPLEMENTED", m => new NotSupported(m))
        .Code("rate_limit_exceeded", m => new RateLimitExceeded(m))
        .Code("RATE_LIMIT_EXCEEDED", m => new RateLimitExceeded(m))
        .Code("RESOURCE_EXHAUSTED", m => new RateLimitExceeded(m))
        .Code("DEADLINE_EXCEEDED", m => new RequestTimeout(m))
        .Code("UNAVAILABLE", m => new ExchangeNotAvailable(m))
        .Code("INTERNAL", m => new ExchangeNotAvailable(m))
        .Code("UNKNOWN", m => new ExchangeNotAvailable(m))
        .Status(400, m => new BadRequest(m))
        .Status(403, m => new PermissionDenied(m))
        .Status(404, m => new BadRequest(m));

    /// <summary>Code and message of an error body; null for a non-JSON body (its raw text is then reported).</summary>
    public static VenueErrorBody? ReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        var parsed = JsonSerializer.Deserialize(body, JsonContracts.Of<CoinbaseErrorResponse>(CoinbaseJson.Options));
        var item = parsed?.Errors is { Count: > 0 } items ? items[0] : null;
        var message = parsed?.Message ?? item?.Message;
        if (!string.IsNullOrWhiteSpace(parsed?.ErrorDetails) && parsed.ErrorDetails != message)
        {
            message = string.IsNullOrWhiteSpace(message) ? parsed.ErrorDetails : $"{message}: {parsed.ErrorDetails}";
        }

        return new VenueErrorBody(parsed?.Error ?? item?.Id, string.IsNullOrWhiteSpace(message) ? null : message);
    }

    public static decimal? Optional(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text, field);

    public static decimal Required(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new BadResponse($"Coinbase sent no value for {field}.") { Venue = Venue }
            : Parse(text, field);

    public static DateTimeOffset? Time(string? text, string field) => VenueText.Time(text, Venue, field);

    private static decimal Parse(string text, string field)
    {
        try
        {
            return Precision.Parse(text, field);
        }
        catch (BadResponse ex)
        {
            throw new BadResponse($"Coinbase: {ex.Message}") { Venue = Venue };
        }
    }

    private static decimal? Positive(string? text, string field) => Optional(text, field) is { } value && value > 0m ? value : null;

    private static List<OrderBookLevel> Levels(IReadOnlyList<CoinbaseBookLevel>? levels, string side) =>
        levels is null
            ? []
            : [.. levels.Select((level, i) => new OrderBookLevel(Required(level.Price, $"{side}[{i}].price"), Required(level.Size, $"{side}[{i}].size")))];

    private static OrderSide ToSide(string? side, string field) => side?.ToUpperInvariant() switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new BadResponse($"Coinbase sent side '{side}' for {field}.") { Venue = Venue },
    };

    private static OrderType ToOrderType(string? orderType, string? configurationKey) =>
        orderType?.ToUpperInvariant() switch
        {
            "MARKET" => OrderType.Market,
            "LIMIT" or "STOP" or "STOP_LIMIT" or "BRACKET" => OrderType.Limit,
            _ => configurationKey?.StartsWith("market_", StringComparison.Ordinal) == true ? OrderType.Market : OrderType.Limit,
        };

    private static (string? Key, CoinbaseOrderTerms? Terms) Terms(CoinbaseOrderConfiguration? c) => c switch
    {
        null => (null, null),
        { MarketMarketIoc: { } t } => ("market_market_ioc", t),
        { MarketMarketFok: { } t } => ("market_market_fok", t),
        { LimitLimitGtc: { } t } => ("limit_limit_gtc", t),
        { LimitLimitGtd: { } t } => ("limit_limit_gtd", t),
        { LimitLimitFok: { } t } => ("limit_limit_fok", t),
        { SorLimitIoc: { } t } => ("sor_limit_ioc", t),
        { StopLimitStopLimitGtc: { } t } => ("stop_limit_stop_limit_gtc", t),
        { StopLimitStopLimitGtd: { } t } => ("stop_limit_stop_limit_gtd", t),
        { TriggerBracketGtc: { } t } => ("trigger_bracket_gtc", t),
        { TriggerBracketGtd: { } t } => ("trigger_bracket_gtd", t),
        _ => (null, null),
    };

    private static string Wire(decimal? value, Symbol symbol, string what) =>
        value is { } v ? Precision.ToWire(v) : throw new InvalidOrder($"{symbol}: the order needs an {what}.") { Venue = Venue };

    private static string FirstReason(params string?[] reasons)
    {
        foreach (var reason in reasons)
        {
            if (!string.IsNullOrWhiteSpace(reason) && reason != "UNKNOWN_FAILURE_REASON")
            {
                var trimmed = reason.Trim().ToUpperInvariant();
                return trimmed.StartsWith("PREVIEW_", StringComparison.Ordinal) ? trimmed["PREVIEW_".Length..] : trimmed;
            }
        }

        return "UNKNOWN_FAILURE_REASON";
    }
}

using System.Globalization;
using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// Robinhood Crypto Trading API wire shapes ⇄ the unified CCXT records (exchanges.md §3.3–§3.6): trading pairs to
/// markets (TICK_SIZE precision), best bid/ask to tickers, account + holdings to a balance, order bodies, orders with
/// their executions, states, and every documented error to its CCXT exception. Robinhood charges through the spread,
/// so fees are zero and the quoted bid/ask already include it.
/// </summary>
internal static class RobinhoodMapper
{
    public const string Venue = "robinhood";

    /// <summary>Order body fields: a validation error naming one of them is an <see cref="InvalidOrder"/>.</summary>
    private static readonly string[] OrderFields =
    [
        "client_order_id", "side", "type", "asset_quantity", "quote_amount", "limit_price", "stop_price", "time_in_force",
        "market_order_config", "limit_order_config", "stop_loss_order_config", "stop_limit_order_config",
    ];

    public static Symbol ToSymbol(string? pair, string field = "symbol") => VenueText.Symbol(pair, Venue, field);

    public static Market ToMarket(RobinhoodTradingPair pair)
    {
        var symbol = pair.AssetCode is { Length: > 0 } b && pair.QuoteCode is { Length: > 0 } q ? new Symbol(b, q) : ToSymbol(pair.Symbol);
        var field = $"trading pair {pair.Symbol}";
        var tick = Positive(pair.QuoteIncrement, $"{field} quote_increment");
        return new Market(pair.Symbol, symbol,
            new MarketPrecision(Positive(pair.AssetIncrement, $"{field} asset_increment"), tick) { CostStep = tick },
            new MarketLimits { Amount = new MinMax(NullIfZero(pair.MinOrderSize), NullIfZero(pair.MaxOrderSize)) })
        {
            Active = string.Equals(pair.Status, "tradable", StringComparison.OrdinalIgnoreCase),
            Taker = 0m,
            Maker = 0m,
        };
    }

    /// <summary>bid/ask include Robinhood's spread; <c>last</c> is its reference (mid) price: there is no last-trade feed.</summary>
    public static Ticker ToTicker(RobinhoodQuote quote, DateTimeOffset now) =>
        new(ToSymbol(quote.Symbol), Time(quote.Timestamp, $"{quote.Symbol} timestamp") ?? now)
        {
            Bid = quote.BidInclusiveOfSellSpread,
            Ask = quote.AskInclusiveOfBuySpread,
            Last = quote.Price,
        };

    public static RobinhoodEstimatedPrice ToEstimatedPrice(RobinhoodQuote quote, DateTimeOffset now) =>
        new(ToSymbol(quote.Symbol), quote.Side ?? "",
            quote.Quantity ?? throw new BadResponse($"Robinhood sent an estimated price for {quote.Symbol} without quantity.") { Venue = Venue },
            quote.Price ?? throw new BadResponse($"Robinhood sent an estimated price for {quote.Symbol} without price.") { Venue = Venue },
            Time(quote.Timestamp, $"{quote.Symbol} timestamp") ?? now)
        {
            BidInclusiveOfSellSpread = quote.BidInclusiveOfSellSpread,
            AskInclusiveOfBuySpread = quote.AskInclusiveOfBuySpread,
        };

    /// <summary>Crypto from holdings (used = total − available); the quote currency's free amount is the account's buying power.</summary>
    public static Balance ToBalance(RobinhoodAccount account, IEnumerable<RobinhoodHolding> holdings, DateTimeOffset now)
    {
        var currencies = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal)
        {
            [(account.BuyingPowerCurrency ?? "USD").ToUpperInvariant()] = new(account.BuyingPower ?? 0m, 0m),
        };
        foreach (var holding in holdings)
        {
            var total = holding.TotalQuantity ?? 0m;
            var free = holding.QuantityAvailableForTrading ?? total;
            currencies[holding.AssetCode.ToUpperInvariant()] = new CurrencyBalance(free, Math.Max(total - free, 0m));
        }

        return new Balance(currencies, now);
    }

    /// <summary>The POST /orders/ body for an order already checked against the market (precision applied).</summary>
    public static RobinhoodCreateOrderRequest ToCreateOrder(CreateOrderRequest order, string pairId)
    {
        if (order.PostOnly)
        {
            throw new InvalidOrder($"{order.Symbol}: Robinhood has no post-only orders.") { Venue = Venue };
        }

        if (order.TimeInForce is { } tif && !tif.Equals("GTC", StringComparison.OrdinalIgnoreCase)
                                         && !(order.Type == OrderType.Market && tif.Equals("IOC", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOrder($"{order.Symbol}: time in force '{tif}' is not supported by Robinhood; its limit orders are GTC.") { Venue = Venue };
        }

        if (order.QuoteAmount is not null)
        {
            throw new NotSupported($"{order.Symbol}: Robinhood market orders take a base quantity, not a quote amount.") { Venue = Venue };
        }

        var quantity = order.Amount is { } amount
            ? Precision.ToWire(amount)
            : throw new InvalidOrder($"{order.Symbol}: the order needs an amount.") { Venue = Venue };
        return new RobinhoodCreateOrderRequest
        {
            ClientOrderId = ClientOrderUuid.From(order.ClientOrderId),
            Side = order.Side == OrderSide.Buy ? "buy" : "sell",
            Type = order.Type == OrderType.Market ? "market" : "limit",
            Symbol = pairId,
            MarketOrderConfig = order.Type == OrderType.Market ? new RobinhoodOrderConfigRequest { AssetQuantity = quantity } : null,
            LimitOrderConfig = order.Type == OrderType.Limit
                ? new RobinhoodOrderConfigRequest
                {
                    AssetQuantity = quantity,
                    LimitPrice = order.Price is { } price
                        ? Precision.ToWire(price)
                        : throw new InvalidOrder($"{order.Symbol}: a limit order needs a price.") { Venue = Venue },
                    TimeInForce = "gtc",
                }
                : null,
        };
    }

    public static Order ToOrder(RobinhoodOrder order)
    {
        var symbol = ToSymbol(order.Symbol, $"order {order.Id} symbol");
        var config = order.MarketOrderConfig ?? order.LimitOrderConfig ?? order.StopLimitOrderConfig ?? order.StopLossOrderConfig;
        var side = ToSide(order.Side, $"order {order.Id}");
        var trades = ToTrades(order, symbol, side);
        return new Order(order.Id, order.ClientOrderId ?? "", symbol,
            order.Type?.ToLowerInvariant() == "market" ? OrderType.Market : OrderType.Limit, side, ToStatus(order.State))
        {
            Timestamp = Time(order.CreatedAt, $"order {order.Id} created_at"),
            LastUpdateTimestamp = Time(order.UpdatedAt, $"order {order.Id} updated_at"),
            Price = config?.LimitPrice,
            TriggerPrice = config?.StopPrice,
            Amount = config?.AssetQuantity,
            Filled = order.FilledAssetQuantity ?? 0m,
            Average = order.AveragePrice is > 0m ? order.AveragePrice : null,
            Cost = trades.Count > 0 ? trades.Sum(t => t.Cost) : order.FilledAssetQuantity is > 0m ? null : 0m,
            TimeInForce = config?.TimeInForce?.ToUpperInvariant() ?? (order.Type == "market" ? "IOC" : null),
            Trades = trades,
            Fees = [new Fee(0m, symbol.Quote)],
        }.Normalize();
    }

    /// <summary>The order's executions as trades (ids <c>orderId:index</c>): Robinhood has no separate fills endpoint.</summary>
    public static IReadOnlyList<Trade> ToTrades(RobinhoodOrder order) =>
        ToTrades(order, ToSymbol(order.Symbol, $"order {order.Id} symbol"), ToSide(order.Side, $"order {order.Id}"));

    /// <summary>Exchanges.md §3.4: open/partially_filled → open, filled → closed, canceled, failed → rejected; unknown states stay open.</summary>
    public static OrderStatus ToStatus(string? state) => state?.ToLowerInvariant() switch
    {
        "filled" => OrderStatus.Closed,
        "canceled" or "cancelled" => OrderStatus.Canceled,
        "failed" or "rejected" => OrderStatus.Rejected,
        "expired" => OrderStatus.Expired,
        _ => OrderStatus.Open,
    };

    /// <summary>
    /// The HTTP error table (exchanges.md §3.6). Bodies are <c>{"type","errors":[{"attr","detail"}]}</c>: the venue code
    /// is the first field named (<c>attr</c>), the message joins every <c>attr: detail</c>. 400 → BadRequest (InvalidOrder
    /// for order fields, BadSymbol for the symbol, InsufficientFunds when the detail says so), 401 → AuthenticationError,
    /// 403 → PermissionDenied, 429 → RateLimitExceeded, 5xx → ExchangeNotAvailable. A 404 on an order path becomes
    /// <see cref="OrderNotFound"/> and a 401 about the timestamp <see cref="InvalidNonce"/> in the adapter.
    /// </summary>
    public static VenueErrorMap Errors()
    {
        var map = new VenueErrorMap(ReadError)
            .Broad("insufficient", m => new InsufficientFunds(m))
            .Broad("already exists", m => new DuplicateOrderId(m))
            .Broad("already been used", m => new DuplicateOrderId(m))
            .Code("symbol", m => new BadSymbol(m))
            .Status(400, m => new BadRequest(m))
            .Status(403, m => new PermissionDenied(m))
            .Status(404, m => new BadRequest(m))
            .Status(405, m => new BadRequest(m))
            .Status(406, m => new BadRequest(m))
            .Status(415, m => new BadRequest(m));
        foreach (var field in OrderFields)
        {
            map.Code(field, m => new InvalidOrder(m));
        }

        return map;
    }

    /// <summary>Code (first named field) and message (every detail) of an error body; null for a non-JSON body.</summary>
    public static VenueErrorBody? ReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        var parsed = JsonSerializer.Deserialize(body, JsonContracts.Of<RobinhoodErrorResponse>(RobinhoodJson.Options));
        var details = parsed?.Errors?.Select(e => (e.Attr, Detail: Text(e.Detail))).ToList() ?? [];
        if (Text(parsed?.Detail) is { Length: > 0 } top)
        {
            details.Add((null, top));
        }

        var message = string.Join("; ", details.Select(d => d.Attr is { Length: > 0 } attr && attr != "non_field_errors" ? $"{attr}: {d.Detail}" : d.Detail));
        var code = details.Select(d => d.Attr).FirstOrDefault(a => a is { Length: > 0 } && a != "non_field_errors");
        return new VenueErrorBody(code, message.Length == 0 ? parsed?.Type : message);
    }

    public static DateTimeOffset? Time(string? text, string field) => VenueText.Time(text, Venue, field);

    private static List<Trade> ToTrades(RobinhoodOrder order, Symbol symbol, OrderSide side)
    {
        if (order.Executions is not { Count: > 0 } executions)
        {
            return [];
        }

        var takerOrMaker = order.Type?.ToLowerInvariant() == "market" ? "taker" : null;
        return
        [
            .. executions.Select((execution, i) => new Trade($"{order.Id}:{i}", order.Id, symbol, side,
                execution.EffectivePrice ?? throw new BadResponse($"Robinhood sent execution {i} of order {order.Id} without effective_price.") { Venue = Venue },
                execution.Quantity ?? throw new BadResponse($"Robinhood sent execution {i} of order {order.Id} without quantity.") { Venue = Venue },
                Time(execution.Timestamp, $"order {order.Id} execution {i} timestamp")
                ?? Time(order.UpdatedAt, $"order {order.Id} updated_at")
                ?? throw new BadResponse($"Robinhood sent execution {i} of order {order.Id} without a timestamp.") { Venue = Venue })
            {
                Fee = new Fee(0m, symbol.Quote),
                TakerOrMaker = takerOrMaker,
                ClientOrderId = order.ClientOrderId,
            }),
        ];
    }

    private static OrderSide ToSide(string? side, string field) => side?.ToLowerInvariant() switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => throw new BadResponse($"Robinhood sent side '{side}' for {field}.") { Venue = Venue },
    };

    private static decimal Positive(decimal? value, string field) =>
        value is > 0m ? value.Value : throw new BadResponse($"Robinhood sent '{value}' for {field}; it must be positive.") { Venue = Venue };

    private static decimal? NullIfZero(decimal? value) => value is > 0m ? value : null;

    private static string? Text(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } e => e.GetRawText(),
    };
}

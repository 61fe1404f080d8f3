using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Binance;

/// <summary>Translates between Binance spot payloads and the unified records (the only place that knows <c>BTCUSDT</c>).</summary>
internal static partial class BinanceMapper
{
    /// <summary>Binance interval strings; identical to CCXT timeframes (1M has no fixed length and is left out).</summary>
    public static readonly IReadOnlyList<Timeframe> Timeframes =
        [.. new[] { "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w" }.Select(Timeframe.Parse)];

    /// <summary>Order book depths Binance documents (CCXT uses the same list).</summary>
    public static readonly IReadOnlyList<int> DepthLimits = [5, 10, 20, 50, 100, 500, 1000, 5000];

    /// <summary>Every Binance error code and message in exchanges.md §1.12 mapped to its CCXT class.</summary>
    public static VenueErrorMap Errors { get; } = BuildErrors();

    public static string MarketId(Symbol symbol) => symbol.Base + symbol.Quote;

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string Wire(decimal value) => Precision.ToWire(value);

    /// <summary>
    /// The <c>newClientOrderId</c> for our client order id: sent unchanged when it fits Binance's rule
    /// (<c>^[.A-Z:/a-z0-9_-]{1,36}$</c>), otherwise <c>tb-</c> + 32 hex chars of its SHA-256 (deterministic, so a
    /// retry and a lookup produce the same id).
    /// </summary>
    public static string ClientOrderId(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return ClientOrderIdRule().IsMatch(clientOrderId)
            ? clientOrderId
            : "tb-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientOrderId)))[..32];
    }

    /// <summary>An exchangeInfo symbol as a unified market: filters → precision and limits (0 = no bound).</summary>
    public static Market ToMarket(BinanceSymbol raw)
    {
        var symbol = new Symbol(raw.BaseAsset, raw.QuoteAsset);
        BinanceFilter? Filter(string type) => raw.Filters.FirstOrDefault(f => f.FilterType == type);
        var price = Filter("PRICE_FILTER");
        var lot = Filter("LOT_SIZE");
        var marketLot = Filter("MARKET_LOT_SIZE");
        var notional = Filter("NOTIONAL") ?? Filter("MIN_NOTIONAL");
        var tick = Positive(price?.TickSize) ?? Step(raw.QuoteAssetPrecision);
        var step = Positive(lot?.StepSize) ?? Step(raw.BaseAssetPrecision);
        var limits = new MarketLimits
        {
            Amount = new MinMax(Positive(lot?.MinQty), Positive(lot?.MaxQty)),
            Price = new MinMax(Positive(price?.MinPrice), Positive(price?.MaxPrice)),
            Cost = new MinMax(Positive(notional?.MinNotional), Positive(notional?.MaxNotional)),
            MarketAmount = marketLot is null
                ? null
                : new MinMax(Positive(marketLot.MinQty) ?? Positive(lot?.MinQty), Positive(marketLot.MaxQty) ?? Positive(lot?.MaxQty)),
        };
        return new Market(raw.Symbol, symbol, new MarketPrecision(step, tick) { CostStep = Step(raw.QuoteAssetPrecision) }, limits)
        {
            Active = raw.Status == "TRADING" && raw.IsSpotTradingAllowed,
            MarketOrdersAllowed = raw.OrderTypes.Count == 0 || raw.OrderTypes.Contains("MARKET"),
        };
    }

    public static Ticker ToTicker(BinanceTicker24h raw, Symbol symbol) => new(symbol, Time(raw.CloseTime))
    {
        Bid = raw.BidPrice,
        BidVolume = raw.BidQty,
        Ask = raw.AskPrice,
        AskVolume = raw.AskQty,
        Last = raw.LastPrice,
        Open = raw.OpenPrice,
        High = raw.HighPrice,
        Low = raw.LowPrice,
        BaseVolume = raw.Volume,
        QuoteVolume = raw.QuoteVolume,
        Vwap = raw.WeightedAvgPrice,
        PreviousClose = raw.PrevClosePrice,
    };

    public static OrderBook ToOrderBook(BinanceDepth raw, Symbol symbol, int limit) =>
        new(symbol, Levels(raw.Bids, limit), Levels(raw.Asks, limit), null) { Nonce = raw.LastUpdateId };

    /// <summary>A kline <c>[openTime, open, high, low, close, volume, closeTime, ...]</c> as a candle.</summary>
    public static Candle ToCandle(JsonElement[] kline)
    {
        if (kline.Length < 6)
        {
            throw new BadResponse($"binance: a kline has {kline.Length} fields, expected at least 6.") { Venue = VenueIds.Binance };
        }

        return new Candle(Time(kline[0].GetInt64()), Number(kline[1], "open"), Number(kline[2], "high"), Number(kline[3], "low"),
            Number(kline[4], "close"), Number(kline[5], "volume"));
    }

    public static Balance ToBalance(BinanceAccount raw) => new(
        raw.Balances.ToDictionary(b => b.Asset.ToUpperInvariant(), b => new CurrencyBalance(b.Free, b.Locked), StringComparer.Ordinal),
        raw.UpdateTime > 0 ? Time(raw.UpdateTime) : null);

    public static OrderStatus Status(string status) => status switch
    {
        "NEW" or "PENDING_NEW" or "PARTIALLY_FILLED" or "PENDING_CANCEL" => OrderStatus.Open,
        "FILLED" => OrderStatus.Closed,
        "CANCELED" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new BadResponse($"binance: unknown order status '{status}'.") { Venue = VenueIds.Binance },
    };

    public static Order ToOrder(BinanceOrder raw, Symbol symbol)
    {
        var side = raw.Side switch
        {
            "BUY" => OrderSide.Buy,
            "SELL" => OrderSide.Sell,
            _ => throw new BadResponse($"binance: unknown order side '{raw.Side}' on order {raw.OrderId}.") { Venue = VenueIds.Binance },
        };
        var type = raw.Type is "MARKET" or "STOP_LOSS" or "TAKE_PROFIT" ? OrderType.Market : OrderType.Limit;
        var id = raw.OrderId.ToString(CultureInfo.InvariantCulture);
        var timestamp = raw.Time ?? raw.TransactTime ?? raw.WorkingTime;
        var trades = raw.Fills.Select(f => new Trade(f.TradeId.ToString(CultureInfo.InvariantCulture), id, symbol, side, f.Price, f.Qty,
            Time(timestamp ?? 0))
        {
            Fee = new Fee(f.Commission, f.CommissionAsset.ToUpperInvariant()),
            ClientOrderId = raw.OrigClientOrderId ?? raw.ClientOrderId,
        }).ToArray();
        return new Order(id, raw.OrigClientOrderId ?? raw.ClientOrderId ?? "", symbol, type, side, Status(raw.Status))
        {
            Timestamp = timestamp is { } t ? Time(t) : null,
            LastUpdateTimestamp = raw.UpdateTime is { } u ? Time(u) : null,
            Price = Positive(raw.Price),
            Amount = raw.OrigQty,
            Filled = raw.ExecutedQty ?? 0m,
            Cost = raw.CummulativeQuoteQty is { } cost && cost >= 0m ? cost : null,
            TimeInForce = raw.TimeInForce,
            PostOnly = raw.Type == "LIMIT_MAKER",
            TriggerPrice = Positive(raw.StopPrice),
            Trades = trades,
        }.Normalize();
    }

    public static Trade ToTrade(BinanceMyTrade raw, Symbol symbol) => new(raw.Id.ToString(CultureInfo.InvariantCulture),
        raw.OrderId.ToString(CultureInfo.InvariantCulture), symbol, raw.IsBuyer ? OrderSide.Buy : OrderSide.Sell, raw.Price, raw.Qty, Time(raw.Time))
    {
        Fee = raw.CommissionAsset is { } asset ? new Fee(raw.Commission, asset.ToUpperInvariant()) : null,
        TakerOrMaker = raw.IsMaker ? "maker" : "taker",
    };

    public static VenueErrorBody? ReadError(string body)
    {
        var error = JsonSerializer.Deserialize(body, JsonContracts.Of<BinanceError>(BinanceMessages.Json));
        return error is null ? null : new VenueErrorBody(error.Code.ToString(CultureInfo.InvariantCulture), error.Msg);
    }

    private static VenueErrorMap BuildErrors()
    {
        var map = new VenueErrorMap(ReadError)
            .Message("Account has insufficient balance for requested action.", m => new InsufficientFunds(m))
            .Message("Duplicate order sent.", m => new DuplicateOrderId(m))
            .Message("Order would immediately match and take.", m => new OrderImmediatelyFillable(m))
            .Message("Order would trigger immediately.", m => new OrderImmediatelyFillable(m))
            .Message("Unknown order sent.", m => new OrderNotFound(m))
            .Message("Market is closed.", m => new MarketClosed(m))
            .Message("This action is disabled on this account.", m => new AccountSuspended(m))
            .Message("This account may not place or cancel orders.", m => new AccountSuspended(m))
            .Message("Rest API trading is not enabled.", m => new PermissionDenied(m))
            .Message("Price * QTY is zero or less.", m => new InvalidOrder(m))
            .Broad("Filter failure:", m => new InvalidOrder(m))
            .Broad("banned until", m => new DDoSProtection(m))
            .Code("-1000", m => new ExchangeNotAvailable(m))
            .Code("-1001", m => new ExchangeNotAvailable(m))
            .Code("-1002", m => new AuthenticationError(m))
            .Code("-1003", m => new RateLimitExceeded(m))
            .Code("-1006", m => new RequestTimeout(m))
            .Code("-1007", m => new RequestTimeout(m))
            .Code("-1008", m => new ExchangeNotAvailable(m))
            .Code("-1010", m => new ExchangeError(m))
            .Code("-1013", m => new InvalidOrder(m))
            .Code("-1015", m => new RateLimitExceeded(m))
            .Code("-1021", m => new InvalidNonce(m))
            .Code("-1022", m => new AuthenticationError(m))
            .Code("-2010", m => new InvalidOrder(m))
            .Code("-2011", m => new OrderNotFound(m))
            .Code("-2013", m => new OrderNotFound(m))
            .Code("-2014", m => new AuthenticationError(m))
            .Code("-2015", m => new PermissionDenied(m))
            .Code("-2026", m => new OrderNotFound(m))
            .Status(418, m => new DDoSProtection(m))
            .Status(429, m => new RateLimitExceeded(m));
        for (var code = 1100; code <= 1131; code++)
        {
            map.Code("-" + code.ToString(CultureInfo.InvariantCulture), m => new BadRequest(m));
        }

        return map.Code("-1121", m => new BadSymbol(m)).Code("-1122", m => new BadSymbol(m));
    }

    private static List<OrderBookLevel> Levels(IReadOnlyList<decimal[]> levels, int limit) =>
        [.. levels.Take(limit).Select(l => l.Length >= 2
            ? new OrderBookLevel(l[0], l[1])
            : throw new BadResponse("binance: an order book level needs a price and an amount.") { Venue = VenueIds.Binance })];

    private static decimal Number(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDecimal() : Precision.Parse(element.GetString(), "kline " + field);

    private static decimal? Positive(decimal? value) => value is > 0m ? value : null;

    private static decimal Step(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < Math.Clamp(decimals, 0, 18); i++)
        {
            step /= 10m;
        }

        return step;
    }

    [GeneratedRegex("^[.A-Z:/a-z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientOrderIdRule();
}

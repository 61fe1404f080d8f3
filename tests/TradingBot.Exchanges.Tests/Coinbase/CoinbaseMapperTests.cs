using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Coinbase;

public sealed class CoinbaseMapperTests
{
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Fact]
    public void ToMarket_RecordedProduct_TakesTickSizePrecisionAndSizeLimits()
    {
        var product = Read<CoinbaseProductsResponse>("products").Products![0];

        var market = CoinbaseMapper.ToMarket(product, taker: 0.004m, maker: 0.0025m);

        Assert.Equal("BTC-USD", market.Id);
        Assert.Equal(BtcUsd, market.Symbol);
        Assert.Equal(0.00000001m, market.Precision.AmountStep);
        Assert.Equal(0.01m, market.Precision.PriceTick);
        Assert.Equal(0.01m, market.Precision.CostStep);
        Assert.Equal(new MinMax(0.00000001m, 3400m), market.Limits.Amount);
        Assert.Equal(new MinMax(1m, 150000000m), market.Limits.Cost);
        Assert.True(market.Active);
        Assert.True(market.MarketOrdersAllowed);
        Assert.Equal(0.004m, market.Taker);
        Assert.Equal(0.0025m, market.Maker);
    }

    [Fact]
    public void ToMarket_LimitOnlyProduct_ForbidsMarketOrders()
    {
        var market = CoinbaseMapper.ToMarket(Read<CoinbaseProductsResponse>("products").Products![1], 0m, 0m);

        Assert.True(market.Active);
        Assert.False(market.MarketOrdersAllowed);
    }

    [Fact]
    public void ToMarket_CancelOnlyProduct_IsInactive()
    {
        var market = CoinbaseMapper.ToMarket(Read<CoinbaseProductsResponse>("products").Products![2], 0m, 0m);

        Assert.False(market.Active);
        Assert.Equal(0.1m, market.Precision.AmountStep);
        Assert.Equal(0.00001m, market.Precision.PriceTick);
    }

    [Theory]
    [InlineData("1m", "ONE_MINUTE")]
    [InlineData("5m", "FIVE_MINUTE")]
    [InlineData("15m", "FIFTEEN_MINUTE")]
    [InlineData("30m", "THIRTY_MINUTE")]
    [InlineData("1h", "ONE_HOUR")]
    [InlineData("2h", "TWO_HOUR")]
    [InlineData("4h", "FOUR_HOUR")]
    [InlineData("6h", "SIX_HOUR")]
    [InlineData("1d", "ONE_DAY")]
    public void Granularity_SupportedTimeframe_IsCoinbasesName(string timeframe, string granularity)
    {
        Assert.Equal(granularity, CoinbaseMapper.Granularity(Timeframe.Parse(timeframe)));
    }

    [Theory]
    [InlineData("1w")]
    [InlineData("3m")]
    public void Granularity_UnsupportedTimeframe_ThrowsNotSupportedListingTheOnesThatExist(string timeframe)
    {
        var error = Assert.Throws<NotSupported>(() => CoinbaseMapper.Granularity(Timeframe.Parse(timeframe)));

        Assert.Contains("1m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 1d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCandle_RecordedCandle_KeepsOpenHighLowCloseDespiteTheWireOrder()
    {
        var candle = CoinbaseMapper.ToCandle(Read<CoinbaseCandlesResponse>("candles").Candles![0]);

        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeSeconds(1767225600), 94300.00m, 94400.00m, 94210.00m, 94311.10m, 12.5521m), candle);
    }

    [Fact]
    public void ToOrderBook_RecordedBook_HasLevelsInVenueOrderAndTheBookTime()
    {
        var book = CoinbaseMapper.ToOrderBook(BtcUsd, Read<CoinbaseProductBookResponse>("product_book"), DateTimeOffset.UnixEpoch);

        Assert.Equal([new(94311.09m, 0.51m), new(94310.50m, 1.2m)], book.Bids);
        Assert.Equal([new(94311.10m, 0.12m), new(94312.00m, 0.8m)], book.Asks);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, 200, TimeSpan.Zero), book.Timestamp);
    }

    [Fact]
    public void ToCreateOrder_PostOnlyLimitBuy_IsLimitLimitGtcWithStrings()
    {
        var order = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90")
        {
            Amount = 0.001m,
            Price = 90000.00m,
            PostOnly = true,
        };

        var body = JsonSerializer.Serialize(CoinbaseMapper.ToCreateOrder(order, "BTC-USD"), CoinbaseJson.Options);

        Assert.Equal(
            """{"client_order_id":"0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90","product_id":"BTC-USD","side":"BUY","order_configuration":{"limit_limit_gtc":{"base_size":"0.001","limit_price":"90000","post_only":true}}}""",
            body);
    }

    [Theory]
    [InlineData(OrderSide.Buy, null, 50.0, """{"market_market_ioc":{"quote_size":"50"}}""")]
    [InlineData(OrderSide.Sell, 0.0125, null, """{"market_market_ioc":{"base_size":"0.0125"}}""")]
    [InlineData(OrderSide.Buy, 0.0125, null, """{"market_market_ioc":{"base_size":"0.0125"}}""")]
    public void ToCreateOrder_MarketOrder_SendsQuoteSizeForCostAndBaseSizeForAmount(OrderSide side, double? amount, double? cost, string configuration)
    {
        var order = new CreateOrderRequest(BtcUsd, OrderType.Market, side, "sig-7f3a:BTC/USD:buy")
        {
            Amount = (decimal?)amount,
            QuoteAmount = (decimal?)cost,
        };

        var body = JsonSerializer.SerializeToElement(CoinbaseMapper.ToCreateOrder(order, "BTC-USD"), CoinbaseJson.Options);

        Assert.Equal(configuration, body.GetProperty("order_configuration").GetRawText());
        Assert.Equal("4320e41e-ad6c-53ba-ad77-c642808591d2", body.GetProperty("client_order_id").GetString());
    }

    [Theory]
    [InlineData("IOC", "sor_limit_ioc")]
    [InlineData("FOK", "limit_limit_fok")]
    [InlineData("gtc", "limit_limit_gtc")]
    public void ToCreateOrder_LimitTimeInForce_PicksTheMatchingConfiguration(string timeInForce, string key)
    {
        var order = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Sell, "id-1") { Amount = 0.5m, Price = 95000.5m, TimeInForce = timeInForce };

        var configuration = CoinbaseMapper.ToCreateOrder(order, "BTC-USD").OrderConfiguration;

        Assert.Equal([key], configuration.Keys);
        Assert.Equal("0.5", configuration[key].BaseSize);
        Assert.Equal("95000.5", configuration[key].LimitPrice);
    }

    [Fact]
    public void ToCreateOrder_UnsupportedCombination_IsRefusedBeforeSending()
    {
        var gtd = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Sell, "id-1") { Amount = 1m, Price = 1m, TimeInForce = "GTD" };
        var postOnlyIoc = gtd with { TimeInForce = "IOC", PostOnly = true };
        var fokMarket = new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Sell, "id-1") { Amount = 1m, TimeInForce = "FOK" };

        Assert.Throws<InvalidOrder>(() => CoinbaseMapper.ToCreateOrder(gtd, "BTC-USD"));
        Assert.Throws<InvalidOrder>(() => CoinbaseMapper.ToCreateOrder(postOnlyIoc, "BTC-USD"));
        Assert.Throws<InvalidOrder>(() => CoinbaseMapper.ToCreateOrder(fokMarket, "BTC-USD"));
    }

    [Fact]
    public void ToOrder_RecordedOpenLimitOrder_ReadsTheConfiguration()
    {
        var order = CoinbaseMapper.ToOrder(Read<CoinbaseOrderResponse>("order_open").Order!);

        Assert.Equal(CoinbaseFake.OpenOrderId, order.Id);
        Assert.Equal("0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90", order.ClientOrderId);
        Assert.Equal((BtcUsd, OrderType.Limit, OrderSide.Buy, OrderStatus.Open), (order.Symbol, order.Type, order.Side, order.Status));
        Assert.Equal(90000.00m, order.Price);
        Assert.Equal(0.001m, order.Amount);
        Assert.Equal(0m, order.Filled);
        Assert.Equal(0.001m, order.Remaining);
        Assert.Null(order.Average);
        Assert.Equal("GTC", order.TimeInForce);
        Assert.True(order.PostOnly);
        Assert.Null(order.TriggerPrice);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 2, 100, TimeSpan.Zero), order.Timestamp);
    }

    [Fact]
    public void ToOrder_FilledMarketBuyByQuote_TakesTheAmountFromTheFill()
    {
        var order = CoinbaseMapper.ToOrder(Read<CoinbaseOrderResponse>("order_market_filled").Order!);

        Assert.Equal((OrderType.Market, OrderStatus.Closed), (order.Type, order.Status));
        Assert.Equal(0.00053016m, order.Filled);
        Assert.Equal(0.00053016m, order.Amount);
        Assert.Equal(0m, order.Remaining);
        Assert.Equal(49.99997m, order.Cost);
        Assert.Equal(94311.10m, order.Average);
        Assert.Equal(94311.10m, order.Price);
        Assert.Equal([new Fee(0.30m, "USD")], order.Fees);
        Assert.Equal("IOC", order.TimeInForce);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 1, 0, 504, TimeSpan.Zero), order.LastTradeTimestamp);
    }

    [Theory]
    [InlineData("PENDING", OrderStatus.Open)]
    [InlineData("QUEUED", OrderStatus.Open)]
    [InlineData("OPEN", OrderStatus.Open)]
    [InlineData("CANCEL_QUEUED", OrderStatus.Open)]
    [InlineData("EDIT_QUEUED", OrderStatus.Open)]
    [InlineData("UNKNOWN_ORDER_STATUS", OrderStatus.Open)]
    [InlineData("FILLED", OrderStatus.Closed)]
    [InlineData("CANCELLED", OrderStatus.Canceled)]
    [InlineData("EXPIRED", OrderStatus.Expired)]
    [InlineData("FAILED", OrderStatus.Rejected)]
    public void ToStatus_EveryDocumentedStatus_MapsToTheUnifiedOne(string status, OrderStatus expected)
    {
        Assert.Equal(expected, CoinbaseMapper.ToStatus(status));
    }

    [Fact]
    public void ToTrade_FillSizedInQuote_ConvertsTheSizeToBase()
    {
        var trade = CoinbaseMapper.ToTrade(Read<CoinbaseFillsResponse>("fills_page1").Fills![0]);

        Assert.Equal("t-9a8b", trade.Id);
        Assert.Equal(CoinbaseFake.FilledOrderId, trade.OrderId);
        Assert.Equal(94311.10m, trade.Price);
        Assert.Equal(50m / 94311.10m, trade.Amount);
        Assert.Equal(50m, Math.Round(trade.Cost, 20));
        Assert.Equal(new Fee(0.30m, "USD"), trade.Fee);
        Assert.Equal("taker", trade.TakerOrMaker);
        Assert.Equal(OrderSide.Buy, trade.Side);
    }

    [Fact]
    public void ToTrade_FillSizedInBase_KeepsTheSize()
    {
        var trade = CoinbaseMapper.ToTrade(Read<CoinbaseFillsResponse>("fills_page2").Fills![0]);

        Assert.Equal(0.2m, trade.Amount);
        Assert.Equal(600m, trade.Cost);
        Assert.Equal("maker", trade.TakerOrMaker);
        Assert.Equal(new Symbol("ETH", "USD"), trade.Symbol);
    }

    [Theory]
    [InlineData("INSUFFICIENT_FUND", typeof(InsufficientFunds))]
    [InlineData("INSUFFICIENT_FUNDS", typeof(InsufficientFunds))]
    [InlineData("INVALID_LEDGER_BALANCE", typeof(InsufficientFunds))]
    [InlineData("INVALID_LIMIT_PRICE_POST_ONLY", typeof(OrderImmediatelyFillable))]
    [InlineData("INVALID_NO_LIQUIDITY", typeof(OrderNotFillable))]
    [InlineData("INVALID_SIZE_PRECISION", typeof(InvalidOrder))]
    [InlineData("INVALID_PRICE_PRECISION", typeof(InvalidOrder))]
    [InlineData("INVALID_LIMIT_PRICE", typeof(InvalidOrder))]
    [InlineData("UNSUPPORTED_ORDER_CONFIGURATION", typeof(InvalidOrder))]
    [InlineData("INVALID_SIDE", typeof(InvalidOrder))]
    [InlineData("COMMANDER_REJECTED_NEW_ORDER", typeof(InvalidOrder))]
    [InlineData("INVALID_PRODUCT_ID", typeof(BadSymbol))]
    [InlineData("INELIGIBLE_PAIR", typeof(BadSymbol))]
    [InlineData("UNTRADABLE_PRODUCT", typeof(BadSymbol))]
    [InlineData("ORDER_ENTRY_DISABLED", typeof(MarketClosed))]
    [InlineData("GEOFENCING_RESTRICTION", typeof(RestrictedLocation))]
    [InlineData("INVALID_REQUEST", typeof(BadRequest))]
    [InlineData("UNKNOWN_FAILURE_REASON", typeof(ExchangeError))]
    [InlineData("PREVIEW_INSUFFICIENT_FUND", typeof(InsufficientFunds))]
    public void ToCreateOrderError_EveryDocumentedReason_IsItsCcxtError(string reason, Type expected)
    {
        var error = CoinbaseMapper.ToCreateOrderError(new CoinbaseCreateOrderError(reason, "rejected", null, null, null), BtcUsd);

        Assert.IsType(expected, error);
        Assert.Equal("coinbase", error.Venue);
        Assert.Equal(reason.Replace("PREVIEW_", "", StringComparison.Ordinal), error.VenueCode);
    }

    [Fact]
    public void ToCreateOrderError_UnknownErrorWithANewOrderReason_UsesTheReason()
    {
        var error = CoinbaseMapper.ToCreateOrderError(
            new CoinbaseCreateOrderError("UNKNOWN_FAILURE_REASON", "", null, "PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY", "INVALID_LIMIT_PRICE_POST_ONLY"), BtcUsd);

        Assert.IsType<OrderImmediatelyFillable>(error);
    }

    [Theory]
    [InlineData("UNKNOWN_CANCEL_ORDER", typeof(OrderNotFound))]
    [InlineData("ORDER_IS_FULLY_FILLED", typeof(OrderNotFound))]
    [InlineData("DUPLICATE_CANCEL_REQUEST", typeof(CancelPending))]
    [InlineData("INVALID_CANCEL_PRODUCT_ID", typeof(BadSymbol))]
    [InlineData("INVALID_CANCEL_REQUEST", typeof(BadRequest))]
    [InlineData("NOT_ALLOWED_TO_CANCEL", typeof(PermissionDenied))]
    [InlineData("COMMANDER_REJECTED_CANCEL_ORDER", typeof(InvalidOrder))]
    [InlineData("ORDER_IS_BEING_REPLACED", typeof(InvalidOrder))]
    [InlineData("UNKNOWN_CANCEL_FAILURE_REASON", typeof(ExchangeError))]
    public void ToCancelError_EveryDocumentedReason_IsItsCcxtError(string reason, Type expected)
    {
        Assert.IsType(expected, CoinbaseMapper.ToCancelError(reason, CoinbaseFake.OpenOrderId));
    }

    [Theory]
    [InlineData(401, "Unauthorized", typeof(AuthenticationError))]
    [InlineData(401, """{"error":"UNAUTHENTICATED","message":"invalid signature"}""", typeof(AuthenticationError))]
    [InlineData(401, "file:error_unauthenticated", typeof(InvalidNonce))]
    [InlineData(403, "file:error_permission_denied", typeof(PermissionDenied))]
    [InlineData(403, """{"error":"PERMISSION_DENIED","message":"forbidden"}""", typeof(PermissionDenied))]
    [InlineData(400, "file:error_invalid_argument", typeof(BadRequest))]
    [InlineData(400, """{"error":"INVALID_ARGUMENT","message":"bad limit"}""", typeof(BadRequest))]
    [InlineData(404, "file:error_not_found", typeof(BadRequest))]
    [InlineData(429, "file:error_rate_limit", typeof(RateLimitExceeded))]
    [InlineData(429, "", typeof(RateLimitExceeded))]
    [InlineData(500, "file:error_internal", typeof(ExchangeNotAvailable))]
    [InlineData(503, """{"error":"UNAVAILABLE","message":"try later"}""", typeof(ExchangeNotAvailable))]
    [InlineData(504, "", typeof(RequestTimeout))]
    [InlineData(409, """{"error":"ALREADY_EXISTS","message":"duplicate"}""", typeof(DuplicateOrderId))]
    public void Errors_EveryDocumentedHttpError_IsItsCcxtError(int status, string body, Type expected)
    {
        var text = body.StartsWith("file:", StringComparison.Ordinal) ? TestData.Read("coinbase", body[5..]) : body;

        var error = CoinbaseMapper.Errors().Translate("coinbase", "GET /api/v3/brokerage/accounts", status, text);

        Assert.IsType(expected, error);
        Assert.Equal("coinbase", error.Venue);
    }

    [Theory]
    [InlineData("""{"order":{"product_id":"BTC-USD","side":"BUY","status":"FILLED"}}""", "order_id")]
    [InlineData("""{"order":{"order_id":null,"product_id":"BTC-USD","side":"BUY","status":"FILLED"}}""", "order_id")]
    [InlineData("""{"products":[{"price":"1"}]}""", "product_id")]
    public void Deserialize_OrderOrProductWithoutItsId_FailsNamingTheFieldInsteadOfAnEmptyId(string json, string field)
    {
        var error = Assert.ThrowsAny<JsonException>(() => json.Contains("products", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<CoinbaseProductsResponse>(json, CoinbaseJson.Options)
            : (object?)JsonSerializer.Deserialize<CoinbaseOrderResponse>(json, CoinbaseJson.Options));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static T Read<T>(string name) => JsonSerializer.Deserialize<T>(TestData.Read("coinbase", name), CoinbaseJson.Options)!;
}

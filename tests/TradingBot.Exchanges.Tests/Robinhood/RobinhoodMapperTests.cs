using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Robinhood;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Robinhood;

public sealed class RobinhoodMapperTests
{
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Fact]
    public void ToMarket_RecordedTradingPair_TakesIncrementsAndOrderSizes()
    {
        var market = RobinhoodMapper.ToMarket(Read<RobinhoodPage<RobinhoodTradingPair>>("trading_pairs_page1").Results![0]);

        Assert.Equal(("BTC-USD", BtcUsd), (market.Id, market.Symbol));
        Assert.Equal(new MarketPrecision(0.00000001m, 0.01m) { CostStep = 0.01m }, market.Precision);
        Assert.Equal(new MinMax(0.000001m, 20m), market.Limits.Amount);
        Assert.Equal(MinMax.None, market.Limits.Cost);
        Assert.True(market.Active);
        Assert.Equal((0m, 0m), (market.Taker, market.Maker));
    }

    [Fact]
    public void ToMarket_UntradablePair_IsInactive()
    {
        Assert.False(RobinhoodMapper.ToMarket(Read<RobinhoodPage<RobinhoodTradingPair>>("trading_pairs_page2").Results![1]).Active);
    }

    [Fact]
    public void ToTicker_RecordedQuote_UsesTheSpreadInclusiveBidAndAskAndTheReferencePriceAsLast()
    {
        var ticker = RobinhoodMapper.ToTicker(Read<RobinhoodPage<RobinhoodQuote>>("best_bid_ask").Results![0], DateTimeOffset.UnixEpoch);

        Assert.Equal((94159.9m, 94451.2m, 94305.555m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 5, 0, 1, TimeSpan.Zero).AddTicks(4218740), ticker.Timestamp);
        Assert.Null(ticker.BaseVolume);
    }

    [Fact]
    public void ToBalance_AccountAndHoldings_GiveBuyingPowerAndHeldCrypto()
    {
        var balance = RobinhoodMapper.ToBalance(Read<RobinhoodAccount>("account"), Read<RobinhoodPage<RobinhoodHolding>>("holdings").Results!,
            DateTimeOffset.UnixEpoch);

        Assert.Equal(new CurrencyBalance(1532.18m, 0m), balance["USD"]);
        Assert.Equal(new CurrencyBalance(0.012m, 0.003m), balance["BTC"]);
        Assert.Equal(new CurrencyBalance(1.25m, 0m), balance["ETH"]);
    }

    [Fact]
    public void ToCreateOrder_LimitBuy_IsTheDocumentedBodyWithAUuidClientOrderId()
    {
        var order = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "sig-7f3a:BTC/USD:buy") { Amount = 0.001m, Price = 90000m };

        var body = JsonSerializer.Serialize(RobinhoodMapper.ToCreateOrder(order, "BTC-USD"), RobinhoodJson.Options);

        Assert.Equal(
            """{"client_order_id":"4320e41e-ad6c-53ba-ad77-c642808591d2","side":"buy","type":"limit","symbol":"BTC-USD","limit_order_config":{"asset_quantity":"0.001","limit_price":"90000","time_in_force":"gtc"}}""",
            body);
    }

    [Fact]
    public void ToCreateOrder_UnsupportedTerms_AreRefusedBeforeSending()
    {
        var limit = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "id") { Amount = 1m, Price = 1m };

        Assert.Throws<InvalidOrder>(() => RobinhoodMapper.ToCreateOrder(limit with { PostOnly = true }, "BTC-USD"));
        Assert.Throws<InvalidOrder>(() => RobinhoodMapper.ToCreateOrder(limit with { TimeInForce = "IOC" }, "BTC-USD"));
        Assert.Throws<NotSupported>(() => RobinhoodMapper.ToCreateOrder(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "id") { QuoteAmount = 10m }, "BTC-USD"));
    }

    [Fact]
    public void ToOrder_FilledMarketSell_DerivesCostAndTradesFromExecutions()
    {
        var order = RobinhoodMapper.ToOrder(Read<RobinhoodOrder>("order_filled_market"));

        Assert.Equal((OrderType.Market, OrderSide.Sell, OrderStatus.Closed), (order.Type, order.Side, order.Status));
        Assert.Equal((0.01m, 0.01m, 0m), (order.Amount, order.Filled, order.Remaining));
        Assert.Equal(941.54m, order.Cost);
        Assert.Equal(94154.00m, order.Average);
        Assert.Equal([$"{RobinhoodFake.FilledOrderId}:0", $"{RobinhoodFake.FilledOrderId}:1"], order.Trades.Select(t => t.Id));
        Assert.Equal([new Fee(0m, "USD")], order.Fees);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 5, 10, 0, 300, TimeSpan.Zero), order.LastTradeTimestamp);
    }

    [Fact]
    public void ToOrder_OpenLimitBuyWithNumbersAsJsonNumbers_ParsesThem()
    {
        var order = RobinhoodMapper.ToOrder(Read<RobinhoodOrder>("order_open"));

        Assert.Equal((OrderStatus.Open, 0.001m, 90000m, 0m, "GTC"), (order.Status, order.Amount, order.Price, order.Filled, order.TimeInForce));
        Assert.Equal("11299b2b-61e3-43e7-b9f7-dee77210bb29", order.ClientOrderId);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 5, 0, 2, 300, TimeSpan.Zero), order.LastUpdateTimestamp);
        Assert.False(order.PostOnly);
        Assert.Empty(order.Trades);
    }

    [Theory]
    [InlineData("open", OrderStatus.Open)]
    [InlineData("partially_filled", OrderStatus.Open)]
    [InlineData("filled", OrderStatus.Closed)]
    [InlineData("canceled", OrderStatus.Canceled)]
    [InlineData("failed", OrderStatus.Rejected)]
    [InlineData("pending", OrderStatus.Open)]
    public void ToStatus_EveryDocumentedState_MapsToTheUnifiedOne(string state, OrderStatus expected)
    {
        Assert.Equal(expected, RobinhoodMapper.ToStatus(state));
    }

    [Theory]
    [InlineData(400, "error_validation", typeof(InvalidOrder), "client_order_id")]
    [InlineData(400, "error_insufficient", typeof(InsufficientFunds), "400")]
    [InlineData(400, "error_symbol", typeof(BadSymbol), "symbol")]
    [InlineData(400, """{"type":"validation_error","errors":[{"detail":"Enter a valid date/time.","attr":"created_at_start"}]}""", typeof(BadRequest), "created_at_start")]
    [InlineData(400, """{"type":"validation_error","errors":[{"detail":"Order with this client order id already exists.","attr":"client_order_id"}]}""", typeof(DuplicateOrderId), "client_order_id")]
    [InlineData(401, "error_unauthorized", typeof(AuthenticationError), "401")]
    [InlineData(403, "error_forbidden", typeof(PermissionDenied), "403")]
    [InlineData(404, "error_not_found", typeof(BadRequest), "404")]
    [InlineData(405, """{"type":"client_error","errors":[{"detail":"Method \"PUT\" not allowed.","attr":null}]}""", typeof(BadRequest), "405")]
    [InlineData(406, """{"type":"client_error","errors":[{"detail":"Could not satisfy the request Accept header.","attr":null}]}""", typeof(BadRequest), "406")]
    [InlineData(415, """{"type":"client_error","errors":[{"detail":"Unsupported media type.","attr":null}]}""", typeof(BadRequest), "415")]
    [InlineData(429, "error_throttled", typeof(RateLimitExceeded), "429")]
    [InlineData(500, "error_server", typeof(ExchangeNotAvailable), "500")]
    [InlineData(503, "error_server", typeof(ExchangeNotAvailable), "503")]
    public void Errors_EveryDocumentedStatus_IsItsCcxtError(int status, string body, Type expected, string code)
    {
        var text = body.StartsWith('{') ? body : TestData.Read("robinhood", body);

        var error = RobinhoodMapper.Errors().Translate("robinhood", "POST /api/v1/crypto/trading/orders/", status, text);

        Assert.IsType(expected, error);
        Assert.Equal(code, error.VenueCode);
    }

    [Fact]
    public void ReadError_FieldErrors_NameTheFieldAndKeepEveryDetail()
    {
        var body = RobinhoodMapper.ReadError("""{"type":"validation_error","errors":[{"detail":"Required.","attr":"side"},{"detail":"Must be a valid UUID.","attr":"client_order_id"}]}""");

        Assert.Equal("side", body!.Code);
        Assert.Equal("side: Required.; client_order_id: Must be a valid UUID.", body.Message);
    }

    [Theory]
    [InlineData("""{"symbol":"BTC-USD","side":"buy","type":"market","state":"filled","executions":[]}""", "id")]
    [InlineData("""{"id":"o-1","symbol":null,"side":"buy","type":"market","state":"filled","executions":[]}""", "symbol")]
    public void Deserialize_OrderWithoutIdOrSymbol_FailsNamingTheFieldInsteadOfAnEmptyOrderId(string json, string field)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<RobinhoodOrder>(json, RobinhoodJson.Options));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"results":[{"price":"100","timestamp":"2025-01-01T00:00:00Z"}]}""", "symbol")]
    [InlineData("""{"results":[{"account_number":"1","total_quantity":"2"}]}""", "asset_code")]
    public void Deserialize_QuoteOrHoldingWithoutItsKey_FailsNamingTheField(string json, string field)
    {
        var error = Assert.ThrowsAny<JsonException>(() => json.Contains("price", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<RobinhoodPage<RobinhoodQuote>>(json, RobinhoodJson.Options)
            : (object?)JsonSerializer.Deserialize<RobinhoodPage<RobinhoodHolding>>(json, RobinhoodJson.Options));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static T Read<T>(string name) => JsonSerializer.Deserialize<T>(TestData.Read("robinhood", name), RobinhoodJson.Options)!;
}

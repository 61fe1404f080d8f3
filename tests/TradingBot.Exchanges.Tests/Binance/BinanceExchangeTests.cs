using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Exchanges.Tests.Binance;

public sealed class BinanceExchangeTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");

    [Fact]
    public async Task LoadMarkets_ExchangeInfo_MapsFiltersToPrecisionAndLimits()
    {
        await using var h = await BinanceHarness.StartAsync();

        var markets = await h.Exchange.LoadMarketsAsync();

        var btc = markets[BtcUsdt];
        Assert.Equal("BTCUSDT", btc.Id);
        Assert.True(btc.Active);
        Assert.Equal(0.00001m, btc.Precision.AmountStep);
        Assert.Equal(0.01m, btc.Precision.PriceTick);
        Assert.Equal(new MinMax(0.00001m, 9000m), btc.Limits.Amount);
        Assert.Equal(new MinMax(0.01m, 1000000m), btc.Limits.Price);
        Assert.Equal(new MinMax(5m, 9000000m), btc.Limits.Cost);
        Assert.Equal(new MinMax(0.00001m, 85.41m), btc.Limits.MarketAmount);
        var eth = markets[new Symbol("ETH", "BTC")];
        Assert.False(eth.Active);
        Assert.Equal(new MinMax(0.0001m, null), eth.Limits.Cost);
    }

    [Fact]
    public async Task LoadMarkets_SecondCall_UsesCacheUnlessReload()
    {
        await using var h = await BinanceHarness.StartAsync();

        await h.Exchange.LoadMarketsAsync();
        await h.Exchange.LoadMarketsAsync();
        await h.Exchange.LoadMarketsAsync(reload: true);

        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/exchangeInfo"));
    }

    [Fact]
    public async Task FetchTicker_Recorded24hr_MapsEveryField()
    {
        await using var h = await BinanceHarness.StartAsync();

        var ticker = await h.Exchange.FetchTickerAsync(BtcUsdt);

        Assert.Equal(BtcUsdt, ticker.Symbol);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225599999), ticker.Timestamp);
        Assert.Equal(94311.09m, ticker.Bid);
        Assert.Equal(1.20451m, ticker.BidVolume);
        Assert.Equal(94311.10m, ticker.Ask);
        Assert.Equal(0.31002m, ticker.AskVolume);
        Assert.Equal(94311.10m, ticker.Last);
        Assert.Equal(93498.80m, ticker.Open);
        Assert.Equal(94790.00m, ticker.High);
        Assert.Equal(92911.00m, ticker.Low);
        Assert.Equal(18233.90110m, ticker.BaseVolume);
        Assert.Equal(1713781234.55m, ticker.QuoteVolume);
        Assert.Equal(93990.44m, ticker.Vwap);
        Assert.Equal(93498.80m, ticker.PreviousClose);
        Assert.Equal(812.30m, ticker.Change);
        Assert.Equal("symbol=BTCUSDT", h.Fake.Requests.Single(r => r.Path == "/api/v3/ticker/24hr").Query);
    }

    [Theory]
    [InlineData(null, "100", 2)]
    [InlineData(1, "5", 1)]
    [InlineData(7, "10", 2)]
    public async Task FetchOrderBook_RecordedDepth_SortedLevelsNonceAndAllowedLimit(int? limit, string sentLimit, int levels)
    {
        await using var h = await BinanceHarness.StartAsync();

        var book = await h.Exchange.FetchOrderBookAsync(BtcUsdt, limit);

        Assert.Equal(sentLimit, h.Fake.Requests.Single(r => r.Path == "/api/v3/depth").Parameters["limit"]);
        Assert.Equal(81023345123, book.Nonce);
        Assert.Equal(levels, book.Bids.Count);
        Assert.Equal(new OrderBookLevel(94311.09m, 1.20451m), book.Bids[0]);
        Assert.Equal(new OrderBookLevel(94311.10m, 0.31002m), book.Asks[0]);
        Assert.True(book.Bids.Zip(book.Bids.Skip(1)).All(p => p.First.Price > p.Second.Price));
        Assert.True(book.Asks.Zip(book.Asks.Skip(1)).All(p => p.First.Price < p.Second.Price));
    }

    [Fact]
    public async Task FetchOhlcv_RecordedKlines_ParsesOpenTimeAndOhlcv()
    {
        await using var h = await BinanceHarness.StartAsync();

        var candles = await h.Exchange.FetchOhlcvAsync(BtcUsdt, Timeframe.OneHour, limit: 2);

        Assert.Equal(2, candles.Count);
        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeMilliseconds(1767218400000), 94010.12m, 94222.00m, 93870.55m, 94100.01m, 812.44013m), candles[0]);
        Assert.Equal(94311.10m, candles[1].Close);
        Assert.Equal("2", h.Fake.Requests.Single(r => r.Path == "/api/v3/klines").Parameters["limit"]);
    }

    [Fact]
    public async Task FetchOhlcv_RangeLongerThanOnePage_PaginatesForwardWithoutGapsOrDuplicates()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Time.Advance(TimeSpan.FromHours(2500));
        var since = BinanceHarness.Start;

        var candles = await h.Exchange.FetchOhlcvAsync(BtcUsdt, Timeframe.OneHour, since);

        Assert.Equal(2501, candles.Count);
        Assert.Equal(since, candles[0].Time);
        Assert.True(candles.Zip(candles.Skip(1)).All(p => p.Second.Time - p.First.Time == TimeSpan.FromHours(1)));
        var pages = h.Fake.Requests.Where(r => r.Path == "/api/v3/klines").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("1h", p.Parameters["interval"]));
    }

    [Fact]
    public async Task FetchOhlcv_SinceAndLimit_ReturnsAtMostLimitFromSince()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Time.Advance(TimeSpan.FromHours(3000));

        var candles = await h.Exchange.FetchOhlcvAsync(BtcUsdt, Timeframe.OneHour, BinanceHarness.Start.AddHours(10), 1500);

        Assert.Equal(1500, candles.Count);
        Assert.Equal(BinanceHarness.Start.AddHours(10), candles[0].Time);
    }

    [Fact]
    public async Task FetchOhlcv_UnsupportedTimeframe_BadRequestWithoutRequest()
    {
        await using var h = await BinanceHarness.StartAsync();

        await Assert.ThrowsAsync<BadRequest>(() => h.Exchange.FetchOhlcvAsync(BtcUsdt, Timeframe.Parse("7m")));

        Assert.Equal(0, h.Fake.Count("GET", "/api/v3/klines"));
    }

    [Fact]
    public async Task FetchBalance_SignedAccount_FreeUsedTotal()
    {
        await using var h = await BinanceHarness.StartAsync();

        var balance = await h.Exchange.FetchBalanceAsync();

        Assert.Equal(new CurrencyBalance(0.015m, 0.005m), balance["BTC"]);
        Assert.Equal(0.02m, balance["BTC"].Total);
        Assert.Equal(1250m, balance["usdt"].Free);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225000000), balance.Timestamp);
        var request = h.Fake.Requests.Single(r => r.Path == "/api/v3/account");
        Assert.Equal(FakeBinance.ApiKey, request.ApiKey);
        Assert.Equal("5000", request.Parameters["recvWindow"]);
        Assert.Equal(BinanceHarness.Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Parameters["timestamp"]);
        Assert.EndsWith("&signature=" + request.Parameters["signature"], request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchBalance_NoKeysConfigured_AuthenticationErrorNamingTheSettings()
    {
        await using var h = await BinanceHarness.StartAsync(secret: "");

        var error = await Assert.ThrowsAsync<AuthenticationError>(() => h.Exchange.FetchBalanceAsync());

        Assert.Contains("Venues__Binance__ApiSecret", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Requests);
    }

    [Fact]
    public async Task CreateOrder_Limit_SendsTruncatedQuantityRoundedPriceGtcFullAndClientId()
    {
        await using var h = await BinanceHarness.StartAsync();
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "intent-42") { Amount = 0.0012345m, Price = 90000.555m };

        var order = await h.Exchange.CreateOrderAsync(request);

        var sent = h.Fake.Requests.Single(r => r.Method == "POST" && r.Path == "/api/v3/order");
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        var p = sent.Parameters;
        Assert.Equal(("BTCUSDT", "BUY", "LIMIT", "GTC"), (p["symbol"], p["side"], p["type"], p["timeInForce"]));
        Assert.Equal(("0.00123", "90000.55"), (p["quantity"], p["price"]));
        Assert.Equal(("intent-42", "FULL"), (p["newClientOrderId"], p["newOrderRespType"]));
        Assert.Equal("intent-42", order.ClientOrderId);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(0.00123m, order.Amount);
        Assert.Equal(0.00123m, order.Remaining);
        Assert.Equal(90000.55m, order.Price);
    }

    [Fact]
    public async Task CreateOrder_PostOnly_SendsLimitMakerWithoutTimeInForce()
    {
        await using var h = await BinanceHarness.StartAsync();

        var order = await h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Sell, "maker-1") { Amount = 0.001m, Price = 99000.001m, PostOnly = true });

        var p = h.Fake.Requests.Single(r => r.Method == "POST").Parameters;
        Assert.Equal("LIMIT_MAKER", p["type"]);
        Assert.Equal("99000.01", p["price"]);
        Assert.False(p.ContainsKey("timeInForce"));
        Assert.True(order.PostOnly);
    }

    [Fact]
    public async Task CreateOrder_MarketBuyByQuote_SendsQuoteOrderQtyAndParsesFills()
    {
        await using var h = await BinanceHarness.StartAsync();

        var order = await h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "bot7f3a9c21e4d84b0c9a1e55d2c0f1a2b3") { QuoteAmount = 100m });

        var p = h.Fake.Requests.Single(r => r.Method == "POST").Parameters;
        Assert.Equal(("MARKET", "100"), (p["type"], p["quoteOrderQty"]));
        Assert.False(p.ContainsKey("quantity"));
        Assert.False(p.ContainsKey("timeInForce"));
        Assert.Equal(OrderStatus.Closed, order.Status);
        Assert.Equal(OrderType.Market, order.Type);
        Assert.Equal(0.00106m, order.Filled);
        Assert.Equal(0m, order.Remaining);
        Assert.Equal(99.969666m, order.Cost);
        Assert.Equal(99.969666m / 0.00106m, order.Average);
        Assert.Equal(order.Average, order.Price);
        Assert.Equal(new Fee(0.00000106m, "BTC"), order.Fee);
        var trade = Assert.Single(order.Trades);
        Assert.Equal(("5103200101", 94311.10m, 0.00106m), (trade.Id, trade.Price, trade.Amount));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225601234), order.Timestamp);
    }

    [Fact]
    public async Task CreateOrder_MarketSellBelowMinNotional_InvalidOrderAndNothingSent()
    {
        await using var h = await BinanceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOrder>(() => h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Sell, "tiny") { Amount = 0.00001m }));

        Assert.Contains("below the minimum 5", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task CreateOrder_LongClientOrderId_SendsDeterministicBinanceSafeId()
    {
        await using var h = await BinanceHarness.StartAsync();
        var id = "strategy=sma-cross|symbol=BTC/USDT|candle=2026-01-01T00:00:00Z|leg=1";

        var order = await h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, id) { Amount = 0.001m, Price = 90000m });
        var again = await h.Exchange.FetchOrderByClientOrderIdAsync(id, BtcUsdt);

        var sent = h.Fake.Requests.Single(r => r.Method == "POST").Parameters["newClientOrderId"];
        Assert.Matches("^tb-[0-9a-f]{32}$", sent);
        Assert.Equal(sent, order.ClientOrderId);
        Assert.Equal(order.Id, again?.Id);
    }

    [Fact]
    public async Task CreateOrder_LiveKeyThatCanWithdraw_RefusedBeforeAnyOrderIsSent()
    {
        await using var h = await BinanceHarness.StartAsync(arrange: f => f.RestrictionsFile = "apiRestrictions-withdraw.json");

        var error = await Assert.ThrowsAsync<PermissionDenied>(() => h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "w-1") { Amount = 0.001m, Price = 90000m }));

        Assert.Contains("withdrawals enabled", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBinance.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Fake.Count("GET", "/sapi/v1/account/apiRestrictions"));
        Assert.Equal(0, h.Fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task CreateOrder_TradeOnlyLiveKey_CheckedOnceThenTrades()
    {
        await using var h = await BinanceHarness.StartAsync();

        for (var i = 0; i < 2; i++)
        {
            await h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, $"ok-{i}") { Amount = 0.001m, Price = 90000m });
        }

        Assert.Equal(1, h.Fake.Count("GET", "/sapi/v1/account/apiRestrictions"));
        Assert.Equal(2, h.Fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task CreateOrder_Testnet_DoesNotCallSapi()
    {
        await using var h = await BinanceHarness.StartAsync(testnet: true);

        await h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "t-1") { Amount = 0.001m, Price = 90000m });

        Assert.Equal(0, h.Fake.Count("GET", "/sapi/v1/account/apiRestrictions"));
    }

    [Fact]
    public async Task CreateOrder_SameClientOrderIdWhileOpen_ReturnsTheExistingOrderInsteadOfASecond()
    {
        await using var h = await BinanceHarness.StartAsync();
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "dup-1") { Amount = 0.001m, Price = 90000m };

        var first = await h.Exchange.CreateOrderAsync(request);
        var second = await h.Exchange.CreateOrderAsync(request);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, h.Fake.Count("POST", "/api/v3/order"));
        Assert.Equal("dup-1", h.Fake.Requests.Last(r => r.Path == "/api/v3/order").Parameters["origClientOrderId"]);
    }

    [Fact]
    public async Task CreateOrder_ServerErrorAfterAcceptance_NotRetriedAndAdoptedByClientOrderId()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Fake.Script("POST", "/api/v3/order", 503, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
        h.Fake.Remember("unknown-1");

        var order = await h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "unknown-1") { Amount = 0.001m, Price = 90000m });

        Assert.Equal("unknown-1", order.ClientOrderId);
        Assert.Equal(1, h.Fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task CreateOrder_ServerErrorAndOrderNotFound_OutcomeUnknownErrorAndSinglePost()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Fake.Script("POST", "/api/v3/order", 500, "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}");

        var error = await Assert.ThrowsAsync<RequestTimeout>(() => h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "unknown-2") { Amount = 0.001m, Price = 90000m }));

        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Fake.Count("POST", "/api/v3/order"));
        Assert.Equal(1, h.Fake.Requests.Count(r => r.Path == "/api/v3/order" && r.Method == "GET"));
    }

    [Fact]
    public async Task CreateOrder_InsufficientBalance_InsufficientFunds()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Fake.Script("POST", "/api/v3/order", 400, FakeBinance.Data("error-insufficient-balance.json"));

        var error = await Assert.ThrowsAsync<InsufficientFunds>(() => h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "poor-1") { Amount = 0.001m, Price = 90000m }));

        Assert.Equal(("binance", "-2010"), (error.Venue, error.VenueCode));
        Assert.Equal(1, h.Fake.Count("POST", "/api/v3/order"));
    }

    [Fact]
    public async Task FetchOrder_ById_ParsesRecordedOrder()
    {
        await using var h = await BinanceHarness.StartAsync();

        var order = await h.Exchange.FetchOrderAsync("48210019001", BtcUsdt);

        Assert.Equal(("48210019001", "bot1d0c", OrderStatus.Open), (order.Id, order.ClientOrderId, order.Status));
        Assert.Equal((OrderType.Limit, OrderSide.Buy, "GTC"), (order.Type, order.Side, order.TimeInForce));
        Assert.Equal((90000m, 0.001m, 0m, 0.001m), (order.Price, order.Amount, order.Filled, order.Remaining));
        Assert.Null(order.TriggerPrice);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225700000), order.LastUpdateTimestamp);
        Assert.Equal("48210019001", h.Fake.Requests.Single(r => r.Path == "/api/v3/order").Parameters["orderId"]);
    }

    [Fact]
    public async Task FetchOrder_WithoutSymbol_ArgumentsRequired()
    {
        await using var h = await BinanceHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentsRequired>(() => h.Exchange.FetchOrderAsync("1"));
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_Unknown_ReturnsNull()
    {
        await using var h = await BinanceHarness.StartAsync();

        var order = await h.Exchange.FetchOrderByClientOrderIdAsync("never-sent", BtcUsdt);

        Assert.Null(order);
        Assert.Equal("never-sent", h.Fake.Requests.Single(r => r.Path == "/api/v3/order").Parameters["origClientOrderId"]);
    }

    [Fact]
    public async Task CancelOrder_RecordedCancel_CanceledWithTheOrdersOwnClientId()
    {
        await using var h = await BinanceHarness.StartAsync();

        var order = await h.Exchange.CancelOrderAsync("48210019001", BtcUsdt);

        Assert.Equal((OrderStatus.Canceled, "bot1d0c"), (order.Status, order.ClientOrderId));
        var sent = h.Fake.Requests.Single(r => r.Method == "DELETE");
        Assert.Equal("48210019001", sent.Parameters["orderId"]);
    }

    [Fact]
    public async Task FetchOpenOrders_AllSymbols_ParsesAndWeighs80()
    {
        await using var h = await BinanceHarness.StartAsync();

        var orders = await h.Exchange.FetchOpenOrdersAsync();

        var order = Assert.Single(orders);
        Assert.Equal(BtcUsdt, order.Symbol);
        Assert.False(h.Fake.Requests.Single(r => r.Path == "/api/v3/openOrders").Parameters.ContainsKey("symbol"));
    }

    [Fact]
    public async Task FetchMyTrades_Recorded_TakerBuyWithCommission()
    {
        await using var h = await BinanceHarness.StartAsync();

        var trades = await h.Exchange.FetchMyTradesAsync(BtcUsdt, BinanceHarness.Start, 50);

        var trade = Assert.Single(trades);
        Assert.Equal(("5103200101", "48210017733", OrderSide.Buy, "taker"), (trade.Id, trade.OrderId, trade.Side, trade.TakerOrMaker));
        Assert.Equal((94311.10m, 0.00106m), (trade.Price, trade.Amount));
        Assert.Equal(new Fee(0.00000106m, "BTC"), trade.Fee);
        var p = h.Fake.Requests.Single(r => r.Path == "/api/v3/myTrades").Parameters;
        Assert.Equal(("BTCUSDT", "50"), (p["symbol"], p["limit"]));
        Assert.Equal(BinanceHarness.Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), p["startTime"]);
    }

    [Fact]
    public async Task Signed_ClientClockBehindServer_ResyncsOnceAndSucceeds()
    {
        await using var h = await BinanceHarness.StartAsync(arrange: f => f.ServerOffset = TimeSpan.FromSeconds(30));

        var balance = await h.Exchange.FetchBalanceAsync();

        Assert.Equal(1250m, balance["USDT"].Free);
        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/account"));
        Assert.Equal(1, h.Fake.Count("GET", "/api/v3/time"));
        var retried = h.Fake.Requests.Last(r => r.Path == "/api/v3/account");
        Assert.Equal(BinanceHarness.Start.AddSeconds(30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            retried.Parameters["timestamp"]);
    }

    [Fact]
    public async Task Signed_TimestampRejectedTwice_InvalidNonceAfterOneRetry()
    {
        await using var h = await BinanceHarness.StartAsync();
        const string rejected = "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
        h.Fake.Script("GET", "/api/v3/account", 400, rejected);
        h.Fake.Script("GET", "/api/v3/time", 200, "{\"serverTime\":1767225600000}");
        h.Fake.Script("GET", "/api/v3/account", 400, rejected);

        await Assert.ThrowsAsync<InvalidNonce>(() => h.Exchange.FetchBalanceAsync());

        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/account"));
    }

    [Fact]
    public async Task IpBan418_RetryAfter_NoRequestSentUntilTheBanExpires()
    {
        await using var h = await BinanceHarness.StartAsync();
        await h.Exchange.LoadMarketsAsync();
        h.Fake.Script("GET", "/api/v3/ticker/24hr", 418,
            "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1767225720000. Please use WebSocket Streams for live updates to avoid bans.\"}",
            ("Retry-After", "120"));

        var first = await Assert.ThrowsAsync<DDoSProtection>(() => h.Exchange.FetchTickerAsync(BtcUsdt));
        var whileBanned = await Assert.ThrowsAsync<DDoSProtection>(() => h.Exchange.FetchTickerAsync(BtcUsdt));
        var balanceWhileBanned = await Assert.ThrowsAsync<DDoSProtection>(() => h.Exchange.FetchBalanceAsync());
        var sentWhileBanned = h.Fake.Requests.Count;
        h.Time.Advance(TimeSpan.FromSeconds(121));
        var ticker = await h.Exchange.FetchTickerAsync(BtcUsdt);

        Assert.Equal(TimeSpan.FromSeconds(120), first.RetryAfter);
        Assert.Contains("not sent", whileBanned.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(120), whileBanned.RetryAfter);
        Assert.NotNull(balanceWhileBanned.RetryAfter);
        Assert.Equal(2, sentWhileBanned);
        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/ticker/24hr"));
        Assert.Equal(94311.10m, ticker.Last);
    }

    [Fact]
    public async Task TooManyRequests429_RetryAfter_RateLimitExceededAndNothingSentDuringBackoff()
    {
        await using var h = await BinanceHarness.StartAsync();
        await h.Exchange.LoadMarketsAsync();
        h.Fake.Script("GET", "/api/v3/depth", 429,
            "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}", ("Retry-After", "7"));

        var first = await Assert.ThrowsAsync<RateLimitExceeded>(() => h.Exchange.FetchOrderBookAsync(BtcUsdt));
        await Assert.ThrowsAsync<RateLimitExceeded>(() => h.Exchange.FetchOrderBookAsync(BtcUsdt));
        h.Time.Advance(TimeSpan.FromSeconds(8));
        await h.Exchange.FetchOrderBookAsync(BtcUsdt);

        Assert.Equal(TimeSpan.FromSeconds(7), first.RetryAfter);
        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/depth"));
    }

    [Fact]
    public async Task UsedWeightHeader_NearTheLimit_LowersTheLocalBudget()
    {
        await using var h = await BinanceHarness.StartAsync(arrange: f => f.UsedWeight = 5990);

        await h.Exchange.LoadMarketsAsync();

        Assert.True(h.Limiter.Available <= 10, $"budget {h.Limiter.Available}");
    }

    [Fact]
    public async Task PublicGet_TransientServerError_RetriedUntilItSucceeds()
    {
        await using var h = await BinanceHarness.StartAsync();
        await h.Exchange.LoadMarketsAsync();
        h.Fake.Script("GET", "/api/v3/ticker/24hr", 502, "<html>Bad Gateway</html>");

        var ticker = await h.AdvanceUntilDoneAsync(h.Exchange.FetchTickerAsync(BtcUsdt));

        Assert.Equal(94311.10m, ticker.Last);
        Assert.Equal(2, h.Fake.Count("GET", "/api/v3/ticker/24hr"));
    }

    [Fact]
    public async Task Signed_Ed25519Key_FakeVerifiesTheSignatureWithTheRegisteredPublicKey()
    {
        var key = TradingBot.Exchanges.Http.Ed25519Key.Generate();
        await using var h = await BinanceHarness.StartAsync(secret: key.PrivateKeyPem(), arrange: f => f.Ed25519PublicKey = key.PublicKey);

        var balance = await h.Exchange.FetchBalanceAsync();
        var order = await h.Exchange.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "ed-1") { Amount = 0.001m, Price = 90000m });

        Assert.Equal(1250m, balance["USDT"].Free);
        Assert.Equal("ed-1", order.ClientOrderId);
        Assert.EndsWith("%3D%3D", h.Fake.Requests.Single(r => r.Path == "/api/v3/account").Query, StringComparison.Ordinal);
        Assert.EndsWith("%3D%3D", h.Fake.Requests.Single(r => r.Method == "POST").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_WrongSecret_AuthenticationErrorFromTheVenue()
    {
        await using var h = await BinanceHarness.StartAsync(secret: "some-other-secret-value");

        var error = await Assert.ThrowsAsync<AuthenticationError>(() => h.Exchange.FetchBalanceAsync());

        Assert.Equal("-1022", error.VenueCode);
    }

    [Fact]
    public async Task CreateOrder_TooManyOrders429_NeitherRetriedNorLookedUp()
    {
        await using var h = await BinanceHarness.StartAsync();
        h.Fake.Script("POST", "/api/v3/order", 429, "{\"code\":-1015,\"msg\":\"Too many new orders; current limit is 100 orders per 10 SECOND.\"}", ("Retry-After", "10"));

        var error = await Assert.ThrowsAsync<RateLimitExceeded>(() => h.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "busy-1") { Amount = 0.001m, Price = 90000m }));

        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
        Assert.Equal(1, h.Fake.Count("POST", "/api/v3/order"));
        Assert.Equal(0, h.Fake.Count("GET", "/api/v3/order"));
    }
}

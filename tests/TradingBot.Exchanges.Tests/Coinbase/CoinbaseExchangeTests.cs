using System.Text.Json.Nodes;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Coinbase;

public sealed class CoinbaseExchangeTests
{
    private const string Brokerage = CoinbaseFake.Prefix;
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Fact]
    public async Task LoadMarkets_WithKey_ReadsPublicProductsAndTheAccountsFeeTier()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var markets = await fake.Exchange.LoadMarketsAsync();

        Assert.Equal(["BTC/USD", "DOGE/USD", "ETH/USD"], markets.Keys.Select(s => s.ToString()).Order());
        Assert.Equal((0.004m, 0.0025m), (markets[BtcUsd].Taker, markets[BtcUsd].Maker));
        Assert.Equal("SPOT", fake.Server.RequestsTo("GET", $"{Brokerage}/market/products")[0].QueryValue("product_type"));
        Assert.Null(fake.Server.RequestsTo("GET", $"{Brokerage}/market/products")[0].Header("Authorization"));
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task LoadMarkets_WithoutKey_UsesTheConfiguredDefaultFeesAndSendsNoSignedRequest()
    {
        await using var fake = await CoinbaseFake.StartAsync(credentials: false);

        var markets = await fake.Exchange.LoadMarketsAsync();

        Assert.Equal((0.012m, 0.006m), (markets[BtcUsd].Taker, markets[BtcUsd].Maker));
        Assert.Empty(fake.Server.RequestsTo("GET", $"{Brokerage}/transaction_summary"));
    }

    [Fact]
    public async Task LoadMarkets_SecondCall_IsServedFromTheCacheUnlessReloaded()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await fake.Exchange.LoadMarketsAsync();
        await fake.Exchange.LoadMarketsAsync();
        await fake.Exchange.LoadMarketsAsync(reload: true);

        Assert.Equal(2, fake.Server.RequestsTo("GET", $"{Brokerage}/market/products").Count);
    }

    [Fact]
    public async Task FetchTicker_WithKey_TakesLastFromTheTickerAndTopOfBookFromBestBidAsk()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var ticker = await fake.Exchange.FetchTickerAsync(BtcUsd);

        Assert.Equal(94311.10m, ticker.Last);
        Assert.Equal((94311.08m, 0.42m), (ticker.Bid, ticker.BidVolume));
        Assert.Equal((94311.11m, 0.07m), (ticker.Ask, ticker.AskVolume));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, 300, TimeSpan.Zero), ticker.Timestamp);
        Assert.Equal("1", fake.Server.RequestsTo("GET", $"{Brokerage}/market/products/BTC-USD/ticker")[0].QueryValue("limit"));
        Assert.Equal("BTC-USD", fake.Server.RequestsTo("GET", $"{Brokerage}/best_bid_ask")[0].QueryValue("product_ids"));
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchTicker_WithoutKey_UsesThePublicTickerAlone()
    {
        await using var fake = await CoinbaseFake.StartAsync(credentials: false);

        var ticker = await fake.Exchange.FetchTickerAsync(BtcUsd);

        Assert.Equal((94311.09m, 94311.10m, 94311.10m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Null(ticker.BidVolume);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero).AddTicks(1234560), ticker.Timestamp);
        Assert.Empty(fake.Server.RequestsTo("GET", $"{Brokerage}/best_bid_ask"));
    }

    [Fact]
    public async Task FetchTicker_UnknownSymbol_ThrowsBadSymbolWithoutAskingForIt()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await Assert.ThrowsAsync<BadSymbol>(() => fake.Exchange.FetchTickerAsync(new Symbol("XYZ", "USD")));

        Assert.Empty(fake.Server.RequestsTo("GET", $"{Brokerage}/market/products/XYZ-USD"));
    }

    [Fact]
    public async Task FetchOrderBook_PassesTheLimitAndParsesBothSides()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var book = await fake.Exchange.FetchOrderBookAsync(BtcUsd, limit: 2);

        Assert.Equal((94311.09m, 94311.10m), (book.BestBid, book.BestAsk));
        Assert.Equal(2, book.Bids.Count);
        var request = fake.Server.RequestsTo("GET", $"{Brokerage}/market/product_book")[0];
        Assert.Equal(("BTC-USD", "2"), (request.QueryValue("product_id"), request.QueryValue("limit")));
    }

    [Fact]
    public async Task FetchOhlcv_RecordedNewestFirstCandles_ComeBackAscending()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("GET", "/market/products/BTC-USD/candles", FakeResponse.File("coinbase", "candles"));

        var candles = await fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.OneMinute, DateTimeOffset.FromUnixTimeSeconds(1767225540), limit: 2);

        Assert.Equal([1767225540L, 1767225600L], candles.Select(c => c.Time.ToUnixTimeSeconds()));
        Assert.Equal((94260.00m, 94330.00m, 94250.00m, 94300.00m, 9.1003m), (candles[0].Open, candles[0].High, candles[0].Low, candles[0].Close, candles[0].Volume));
        var request = fake.Server.RequestsTo("GET", $"{Brokerage}/market/products/BTC-USD/candles")[0];
        Assert.Equal(("1767225540", "1767225659", "ONE_MINUTE"), (request.QueryValue("start"), request.QueryValue("end"), request.QueryValue("granularity")));
    }

    [Fact]
    public async Task FetchOhlcv_RangeOfAThousandBuckets_PaginatesInWindowsOfAtMostThreeHundred()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var since = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);

        var candles = await fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.OneMinute, since, limit: 1000);

        Assert.Equal(1000, candles.Count);
        Assert.Equal(since, candles[0].Time);
        Assert.All(candles.Zip(candles.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), pair.Second.Time - pair.First.Time));
        var windows = fake.Server.RequestsTo("GET", $"{Brokerage}/market/products/BTC-USD/candles");
        Assert.Equal(4, windows.Count);
        Assert.All(windows, w => Assert.True((long.Parse(w.QueryValue("end")!) - long.Parse(w.QueryValue("start")!)) / 60 < 300));
    }

    [Fact]
    public async Task FetchOhlcv_SinceWithoutLimit_ReadsEveryBucketFromSinceUpToNow()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var since = fake.Time.GetUtcNow() - TimeSpan.FromHours(24);

        var candles = await fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.OneHour, since);

        Assert.Equal(24, candles.Count);
        Assert.True(candles[0].Time >= since);
        Assert.Equal(Timeframe.OneHour.Floor(fake.Time.GetUtcNow()), candles[^1].Time);
    }

    [Fact]
    public async Task FetchOhlcv_NoStart_ReturnsTheLatestBuckets()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var candles = await fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.OneMinute, limit: 5);

        Assert.Equal(5, candles.Count);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 2, 0, TimeSpan.Zero), candles[^1].Time);
    }

    [Fact]
    public async Task FetchOhlcv_WeeklyCandles_ThrowNotSupportedWithoutARequest()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await Assert.ThrowsAsync<NotSupported>(() => fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.Parse("1w")));

        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task FetchBalance_TwoAccountPages_SumsFreeAndHoldPerCurrency()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var balance = await fake.Exchange.FetchBalanceAsync();

        Assert.Equal(new CurrencyBalance(0.115m, 0.005m), balance["BTC"]);
        Assert.Equal(new CurrencyBalance(1250.55m, 90.60m), balance["USD"]);
        var pages = fake.Server.RequestsTo("GET", $"{Brokerage}/accounts");
        Assert.Equal([null, "page-2-cursor"], pages.Select(p => p.QueryValue("cursor")));
        Assert.All(pages, p => Assert.Equal("250", p.QueryValue("limit")));
        Assert.Empty(fake.AuthFailures);
    }

    [Theory]
    [InlineData(CoinbaseKeyKind.Ed25519Pem)]
    [InlineData(CoinbaseKeyKind.Ed25519Base64)]
    public async Task FetchBalance_Ed25519Key_IsAcceptedByTheVenue(CoinbaseKeyKind kind)
    {
        await using var fake = await CoinbaseFake.StartAsync(kind);

        var balance = await fake.Exchange.FetchBalanceAsync();

        Assert.Equal(0.115m, balance["BTC"].Free);
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchBalance_BehindAProxy_NamesTheConfiguredJwtHostInTheUriClaim()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.Host.Settings["JwtHost"] = "api.coinbase.com";
        fake.ExpectedUriHost = "api.coinbase.com";

        await fake.Exchange.FetchBalanceAsync();

        Assert.Empty(fake.AuthFailures);
        Assert.Equal("GET api.coinbase.com/api/v3/brokerage/accounts", CoinbaseJwt.Parse(fake.Jwts.First()).Claim("uri"));
    }

    [Fact]
    public async Task FetchBalance_WithoutKey_ThrowsAuthenticationErrorNamingTheSettingsBeforeSending()
    {
        await using var fake = await CoinbaseFake.StartAsync(credentials: false);

        var error = await Assert.ThrowsAsync<AuthenticationError>(() => fake.Exchange.FetchBalanceAsync());

        Assert.Contains("Venues__Coinbase__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task CreateOrder_PostOnlyLimitBuy_SendsTheDocumentedBodyAndReturnsTheOrderReadBack()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var request = new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90")
        {
            Amount = 0.00100000999m,
            Price = 90000.009m,
            PostOnly = true,
        };

        var order = await fake.Exchange.CreateOrderAsync(request);

        Assert.Equal(
            """{"client_order_id":"0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90","product_id":"BTC-USD","side":"BUY","order_configuration":{"limit_limit_gtc":{"base_size":"0.001","limit_price":"90000","post_only":true}}}""",
            fake.Server.RequestsTo("POST", $"{Brokerage}/orders")[0].Body);
        Assert.Equal((CoinbaseFake.OpenOrderId, OrderStatus.Open, 0.001m, 90000.00m), (order.Id, order.Status, order.Amount, order.Price));
        Assert.Equal(request.ClientOrderId, order.ClientOrderId);
        Assert.Single(fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/{CoinbaseFake.OpenOrderId}"));
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task CreateOrder_MarketBuyByCost_SendsQuoteSizeWithTheDerivedClientOrderId()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("POST", "/orders", FakeResponse.Json(200,
            $$$"""{"success":true,"success_response":{"order_id":"{{{CoinbaseFake.FilledOrderId}}}","product_id":"BTC-USD","side":"BUY","client_order_id":"4320e41e-ad6c-53ba-ad77-c642808591d2"}}"""));
        var request = new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "sig-7f3a:BTC/USD:buy") { QuoteAmount = 50.009m };

        var order = await fake.Exchange.CreateOrderAsync(request);

        var body = fake.Body("POST", "/orders");
        Assert.Equal("4320e41e-ad6c-53ba-ad77-c642808591d2", (string?)body["client_order_id"]);
        Assert.Equal("""{"market_market_ioc":{"quote_size":"50"}}""", body["order_configuration"]!.ToJsonString());
        Assert.Equal((OrderStatus.Closed, 0.00053016m, 94311.10m), (order.Status, order.Filled, order.Average));
        Assert.Equal("sig-7f3a:BTC/USD:buy", order.ClientOrderId);
        Assert.Empty(fake.Server.RequestsTo("GET", $"{Brokerage}/market/products/BTC-USD/ticker"));
        Assert.Equal(Capability.Yes, fake.Exchange.Has.CreateMarketBuyWithCost);
    }

    [Fact]
    public async Task CreateOrder_MarketSellBelowTheMinimumCost_IsRejectedLocallyWithoutSending()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var request = new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Sell, "tiny-1") { Amount = 0.000001m };

        var error = await Assert.ThrowsAsync<InvalidOrder>(() => fake.Exchange.CreateOrderAsync(request));

        Assert.Contains("below the minimum 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.RequestsTo("POST", $"{Brokerage}/orders"));
    }

    [Fact]
    public async Task CreateOrder_MarketOrderOnALimitOnlyProduct_IsRejectedLocally()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await Assert.ThrowsAsync<InvalidOrder>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(new Symbol("ETH", "USD"), OrderType.Market, OrderSide.Buy, "eth-1") { Amount = 1m }));

        Assert.Empty(fake.Server.RequestsTo("POST", $"{Brokerage}/orders"));
    }

    [Fact]
    public async Task CreateOrder_SuccessFalse_ThrowsTheMappedErrorAndReadsNothingBack()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("POST", "/orders", FakeResponse.File("coinbase", "create_order_failure"));

        var error = await Assert.ThrowsAsync<InsufficientFunds>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "big-1") { Amount = 10m, Price = 90000m }));

        Assert.Equal("INSUFFICIENT_FUND", error.VenueCode);
        Assert.Contains("Insufficient balance in source account", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/"));
    }

    [Fact]
    public async Task CreateOrder_ServerErrorAndNoSuchOrder_SurfacesTheUnknownOutcomeWithoutResending()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("POST", "/orders", FakeResponse.File("coinbase", "error_internal", 500));

        var error = await Assert.ThrowsAsync<ExchangeNotAvailable>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "lost-1") { Amount = 0.001m, Price = 90000m }));

        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Server.RequestsTo("POST", $"{Brokerage}/orders"));
        Assert.Equal(2, fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/batch").Count);
        Assert.Equal("2025-12-31T23:02:00.000000Z", fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/batch")[0].QueryValue("start_date"));
    }

    [Fact]
    public async Task CreateOrder_ServerErrorButTheOrderExists_ReturnsTheOrderPlacedUnderOurClientOrderId()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("POST", "/orders", FakeResponse.Text(502, "Bad Gateway"));

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90") { Amount = 0.001m, Price = 90000m });

        Assert.Equal(CoinbaseFake.OpenOrderId, order.Id);
        Assert.Single(fake.Server.RequestsTo("POST", $"{Brokerage}/orders"));
    }

    [Fact]
    public async Task CreateOrder_VenueReturnsAnEarlierOrderForAnotherSide_ThrowsDuplicateOrderId()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await Assert.ThrowsAsync<DuplicateOrderId>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Sell, "0f5c8f0e-3a1b-4c44-9a55-6f0d2e1c7b90") { Amount = 0.001m, Price = 99000m }));
    }

    [Fact]
    public async Task CreateOrder_OrderNotYetReadable_ReturnsWhatTheVenueAcknowledged()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("GET", $"/orders/historical/{CoinbaseFake.OpenOrderId}", FakeResponse.File("coinbase", "error_not_found", 404));

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "fresh-1") { Amount = 0.001m, Price = 90000m });

        Assert.Equal((CoinbaseFake.OpenOrderId, OrderStatus.Open, 0.001m, 0m), (order.Id, order.Status, order.Amount, order.Filled));
        Assert.Equal("fresh-1", order.ClientOrderId);
    }

    [Fact]
    public async Task CancelOrder_UsesBatchCancelThenReadsTheOrderBack()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("GET", $"/orders/historical/{CoinbaseFake.OpenOrderId}", FakeResponse.File("coinbase", "order_cancelled"));

        var order = await fake.Exchange.CancelOrderAsync(CoinbaseFake.OpenOrderId);

        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal($$"""{"order_ids":["{{CoinbaseFake.OpenOrderId}}"]}""", fake.Server.RequestsTo("POST", $"{Brokerage}/orders/batch_cancel")[0].Body);
    }

    [Fact]
    public async Task CancelOrder_UnknownOrder_ThrowsOrderNotFound()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("POST", "/orders/batch_cancel", FakeResponse.File("coinbase", "cancel_failure"));

        var error = await Assert.ThrowsAsync<OrderNotFound>(() => fake.Exchange.CancelOrderAsync(CoinbaseFake.OpenOrderId));

        Assert.Equal("UNKNOWN_CANCEL_ORDER", error.VenueCode);
    }

    [Fact]
    public async Task FetchOrder_UnknownId_ThrowsOrderNotFound()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        await Assert.ThrowsAsync<OrderNotFound>(() => fake.Exchange.FetchOrderAsync("99999999-0000-4000-8000-000000000000"));
    }

    [Fact]
    public async Task FetchOrder_FilledMarketOrder_IsClosedWithItsFill()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var order = await fake.Exchange.FetchOrderAsync(CoinbaseFake.FilledOrderId);

        Assert.Equal((OrderStatus.Closed, 0.00053016m, 49.99997m), (order.Status, order.Filled, order.Cost));
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_OrderOnTheSecondPage_IsFoundAndCarriesTheIdAsGiven()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var order = await fake.Exchange.FetchOrderByClientOrderIdAsync("0F5C8F0E-3A1B-4C44-9A55-6F0D2E1C7B90");

        Assert.NotNull(order);
        Assert.Equal(CoinbaseFake.OpenOrderId, order.Id);
        Assert.Equal("0F5C8F0E-3A1B-4C44-9A55-6F0D2E1C7B90", order.ClientOrderId);
        var pages = fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/batch");
        Assert.Equal([null, "orders-page-2"], pages.Select(p => p.QueryValue("cursor")));
        Assert.Equal("2025-12-25T00:02:00.000000Z", pages[0].QueryValue("start_date"));
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_NonUuidId_MatchesItsDerivedUuid()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var filled = JsonNode.Parse(TestData.Read("coinbase", "order_market_filled"))!["order"]!.ToJsonString();
        fake.On("GET", "/orders/historical/batch", FakeResponse.Json(200, $$"""{"orders":[{{filled}}],"has_next":false,"cursor":""}"""));

        var order = await fake.Exchange.FetchOrderByClientOrderIdAsync("sig-7f3a:BTC/USD:buy", BtcUsd);

        Assert.Equal(CoinbaseFake.FilledOrderId, order?.Id);
        Assert.Equal("BTC-USD", fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/batch")[0].QueryValue("product_ids"));
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_NoSuchOrder_ReturnsNull()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        Assert.Null(await fake.Exchange.FetchOrderByClientOrderIdAsync("never-placed"));
    }

    [Fact]
    public async Task FetchOpenOrders_PagesThroughOpenOrdersAscending()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var orders = await fake.Exchange.FetchOpenOrdersAsync();

        Assert.Equal([CoinbaseFake.OpenOrderId, "33333333-4444-4555-8666-777777777777"], orders.Select(o => o.Id));
        Assert.Equal((0.2m, 0.3m, 600m), (orders[1].Filled, orders[1].Remaining, orders[1].Cost));
        Assert.All(fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/batch"), r => Assert.Equal("OPEN", r.QueryValue("order_status")));
    }

    [Fact]
    public async Task FetchMyTrades_PagesThroughFillsAscending()
    {
        await using var fake = await CoinbaseFake.StartAsync();
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var trades = await fake.Exchange.FetchMyTradesAsync(since: since);

        Assert.Equal(["t-77aa", "t-9a8b"], trades.Select(t => t.Id));
        Assert.Equal("2026-01-01T00:00:00.000000Z", fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/fills")[0].QueryValue("start_sequence_timestamp"));
        Assert.Equal(2, fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/fills").Count);
    }

    [Fact]
    public async Task FetchMyTrades_LimitWithoutStart_StopsPagingOnceItHasEnough()
    {
        await using var fake = await CoinbaseFake.StartAsync();

        var trades = await fake.Exchange.FetchMyTradesAsync(limit: 1);

        Assert.Equal(["t-9a8b"], trades.Select(t => t.Id));
        Assert.Single(fake.Server.RequestsTo("GET", $"{Brokerage}/orders/historical/fills"));
    }

    [Theory]
    [InlineData(401, "text:Unauthorized", typeof(AuthenticationError))]
    [InlineData(401, "error_unauthenticated", typeof(InvalidNonce))]
    [InlineData(403, "error_permission_denied", typeof(PermissionDenied))]
    [InlineData(400, "error_invalid_argument", typeof(BadRequest))]
    [InlineData(500, "error_internal", typeof(ExchangeNotAvailable))]
    public async Task FetchBalance_VenueError_IsMappedToItsCcxtError(int status, string body, Type expected)
    {
        await using var fake = await CoinbaseFake.StartAsync();
        fake.On("GET", "/accounts", body.StartsWith("text:", StringComparison.Ordinal)
            ? FakeResponse.Text(status, body[5..])
            : FakeResponse.File("coinbase", body, status));

        var error = await Assert.ThrowsAnyAsync<BaseError>(() => fake.Exchange.FetchBalanceAsync());

        Assert.IsType(expected, error);
        Assert.Equal("coinbase", error.Venue);
    }

    [Fact]
    public async Task RateLimit_Http429WithRetryAfter_SendsNothingUntilItHasPassed()
    {
        await using var fake = await CoinbaseFake.StartAsync(http: Exchanges.Coinbase.CoinbaseExchange.HttpSettings);
        fake.On("GET", "/accounts", FakeResponse.File("coinbase", "error_rate_limit", 429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });

        var first = await Assert.ThrowsAsync<RateLimitExceeded>(() => fake.Exchange.FetchBalanceAsync());
        var second = await Assert.ThrowsAsync<RateLimitExceeded>(() => fake.Exchange.FetchBalanceAsync());
        var sentWhileBanned = fake.Server.RequestsTo("GET", $"{Brokerage}/accounts").Count;
        fake.On("GET", "/accounts", FakeResponse.File("coinbase", "accounts_page2"));
        fake.Time.Advance(TimeSpan.FromSeconds(31));
        var balance = await fake.Exchange.FetchBalanceAsync();

        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryAfter);
        Assert.Contains("not sent", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, sentWhileBanned);
        Assert.Equal(0.1m, balance["BTC"].Free);
    }
}

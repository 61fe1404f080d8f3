using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Robinhood;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Robinhood;

public sealed class RobinhoodExchangeTests
{
    private const string Trading = RobinhoodFake.Trading;
    private static readonly Symbol BtcUsd = new("BTC", "USD");

    [Fact]
    public async Task LoadMarkets_FollowsTheNextCursorSigningEachPage()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var markets = await fake.Exchange.LoadMarketsAsync();

        Assert.Equal(["BTC/USD", "ETH/USD", "SHIB/USD"], markets.Keys.Select(s => s.ToString()).Order());
        Assert.False(markets[new Symbol("SHIB", "USD")].Active);
        Assert.Equal([$"{Trading}/trading_pairs/", $"{Trading}/trading_pairs/?cursor=cD0y"], fake.Server.RequestsTo("GET", $"{Trading}/trading_pairs/").Select(r => r.RawTarget));
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchTicker_ReadsBestBidAskForTheSymbol()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var ticker = await fake.Exchange.FetchTickerAsync(BtcUsd);

        Assert.Equal((94159.9m, 94451.2m, 94305.555m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Equal($"{RobinhoodFake.MarketData}/best_bid_ask/?symbol=BTC-USD", fake.Server.RequestsTo("GET", $"{RobinhoodFake.MarketData}/best_bid_ask/")[0].RawTarget);
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchOhlcv_Always_SaysNotSupportedClearlyWithoutARequest()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var error = await Assert.ThrowsAsync<NotSupported>(() => fake.Exchange.FetchOhlcvAsync(BtcUsd, Timeframe.OneMinute));

        Assert.Contains("no candle (OHLCV) endpoint", error.Message, StringComparison.Ordinal);
        Assert.Equal(Capability.No, fake.Exchange.Has.FetchOhlcv);
        Assert.Empty(fake.Exchange.Timeframes);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task FetchOrderBook_Always_SaysNotSupportedWithoutARequest()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        await Assert.ThrowsAsync<NotSupported>(() => fake.Exchange.FetchOrderBookAsync(BtcUsd));

        Assert.Equal(Capability.No, fake.Exchange.Has.FetchOrderBook);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task FetchBalance_CombinesBuyingPowerAndHoldings()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var balance = await fake.Exchange.FetchBalanceAsync();

        Assert.Equal(1532.18m, balance["USD"].Free);
        Assert.Equal(new CurrencyBalance(0.012m, 0.003m), balance["BTC"]);
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchEstimatedPrices_SendsTheQuantitiesAsACommaListAndParsesEachQuote()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var prices = await fake.Exchange.FetchEstimatedPricesAsync(BtcUsd, "ask", [0.1m, 1m]);

        Assert.Equal([(0.1m, 94451.2m), (1m, 94460.75m)], prices.Select(p => (p.Quantity, p.Price)));
        Assert.Equal(94150.1m, prices[1].BidInclusiveOfSellSpread);
        var request = fake.Server.RequestsTo("GET", $"{RobinhoodFake.MarketData}/estimated_price/")[0];
        Assert.Equal(("BTC-USD", "ask", "0.1,1"), (request.QueryValue("symbol"), request.QueryValue("side"), request.QueryValue("quantity")));
        Assert.Empty(fake.AuthFailures);
    }

    [Theory]
    [InlineData("buy", 0)]
    [InlineData("ask", 11)]
    public async Task FetchEstimatedPrices_BadArguments_AreRefusedWithoutARequest(string side, int count)
    {
        await using var fake = await RobinhoodFake.StartAsync();

        await Assert.ThrowsAsync<BadRequest>(() => fake.Exchange.FetchEstimatedPricesAsync(BtcUsd, side, [.. Enumerable.Repeat(0.1m, count)]));

        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task CreateOrder_MarketSell_SignsAndSendsTheExactJsonBody()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Sell, "sig-7f3a:BTC/USD:buy") { Amount = 0.010000009m });

        Assert.Equal(
            """{"client_order_id":"4320e41e-ad6c-53ba-ad77-c642808591d2","side":"sell","type":"market","symbol":"BTC-USD","market_order_config":{"asset_quantity":"0.01"}}""",
            fake.Server.RequestsTo("POST", $"{Trading}/orders/")[0].Body);
        Assert.Equal((RobinhoodFake.CreatedOrderId, OrderStatus.Open, 0.01m), (order.Id, order.Status, order.Amount));
        Assert.Equal("sig-7f3a:BTC/USD:buy", order.ClientOrderId);
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task CreateOrder_LimitBuy_QuantisesToTheIncrementsAndSendsGtc()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "limit-1") { Amount = 0.0012345678912m, Price = 90000.129m });

        Assert.Contains("\"limit_order_config\":{\"asset_quantity\":\"0.00123456\",\"limit_price\":\"90000.12\",\"time_in_force\":\"gtc\"}",
            fake.Server.RequestsTo("POST", $"{Trading}/orders/")[0].Body, StringComparison.Ordinal);
        Assert.Equal((0.00123456m, 90000.12m), (order.Amount, order.Price));
    }

    [Fact]
    public async Task CreateOrder_RedeliveredRequest_SendsTheSameClientOrderIdAgain()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        var request = new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "message-42") { Amount = 0.001m };

        await fake.Exchange.CreateOrderAsync(request);
        await fake.Exchange.CreateOrderAsync(request);

        var ids = fake.Server.RequestsTo("POST", $"{Trading}/orders/").Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!["client_order_id"]!.GetValue<string>());
        Assert.Single(ids.Distinct());
        Assert.True(Guid.TryParse(ids.First(), out _));
    }

    [Fact]
    public async Task CreateOrder_BelowTheMinimumOrderSize_IsRejectedLocally()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOrder>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "tiny") { Amount = 0.0000005m }));

        Assert.Contains("minimum", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.RequestsTo("POST", $"{Trading}/orders/"));
    }

    [Fact]
    public async Task CreateOrder_QuoteSizedMarketBuy_IsNotSupportedAndNothingIsSent()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        await Assert.ThrowsAsync<NotSupported>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "cost") { QuoteAmount = 25m }));

        Assert.Equal(Capability.No, fake.Exchange.Has.CreateMarketBuyWithCost);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task CreateOrder_InsufficientBuyingPower_ThrowsInsufficientFunds()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("POST", $"{Trading}/orders/", FakeResponse.File("robinhood", "error_insufficient", 400));

        await Assert.ThrowsAsync<InsufficientFunds>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "big") { Amount = 10m }));
    }

    [Fact]
    public async Task CreateOrder_ServerErrorAndNoSuchOrder_SurfacesTheUnknownOutcomeWithoutResending()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("POST", $"{Trading}/orders/", FakeResponse.File("robinhood", "error_server", 500));

        var error = await Assert.ThrowsAsync<ExchangeNotAvailable>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Market, OrderSide.Buy, "lost") { Amount = 0.001m }));

        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Server.RequestsTo("POST", $"{Trading}/orders/"));
        var lookup = fake.Server.RequestsTo("GET", $"{Trading}/orders/")[0];
        Assert.Equal(("2026-01-01T05:00:00.000000Z", "BTC-USD"), (lookup.QueryValue("created_at_start"), lookup.QueryValue("symbol")));
    }

    [Fact]
    public async Task CreateOrder_ServerErrorButTheOrderExists_ReturnsIt()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("POST", $"{Trading}/orders/", FakeResponse.File("robinhood", "error_server", 503));

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "11299b2b-61e3-43e7-b9f7-dee77210bb29") { Amount = 0.001m, Price = 90000m });

        Assert.Equal(RobinhoodFake.OpenOrderId, order.Id);
        Assert.Single(fake.Server.RequestsTo("POST", $"{Trading}/orders/"));
    }

    [Fact]
    public async Task CreateOrder_DuplicateClientOrderIdOfTheSameOrder_ReturnsTheEarlierOrder()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("POST", $"{Trading}/orders/", FakeResponse.Json(400,
            """{"type":"validation_error","errors":[{"detail":"Order with this client order id already exists.","attr":"client_order_id"}]}"""));

        var order = await fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Buy, "11299b2b-61e3-43e7-b9f7-dee77210bb29") { Amount = 0.001m, Price = 90000m });

        Assert.Equal(RobinhoodFake.OpenOrderId, order.Id);
    }

    [Fact]
    public async Task CreateOrder_DuplicateClientOrderIdOfAnotherOrder_ThrowsDuplicateOrderId()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("POST", $"{Trading}/orders/", FakeResponse.Json(400,
            """{"type":"validation_error","errors":[{"detail":"Order with this client order id already exists.","attr":"client_order_id"}]}"""));

        await Assert.ThrowsAsync<DuplicateOrderId>(() => fake.Exchange.CreateOrderAsync(
            new CreateOrderRequest(BtcUsd, OrderType.Limit, OrderSide.Sell, "11299b2b-61e3-43e7-b9f7-dee77210bb29") { Amount = 0.001m, Price = 99000m }));
    }

    [Fact]
    public async Task CancelOrder_SignsABodilessPostThenReadsTheOrderBack()
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("GET", $"{Trading}/orders/{RobinhoodFake.OpenOrderId}/", FakeResponse.File("robinhood", "order_canceled"));

        var order = await fake.Exchange.CancelOrderAsync(RobinhoodFake.OpenOrderId);

        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal("", fake.Server.RequestsTo("POST", $"{Trading}/orders/{RobinhoodFake.OpenOrderId}/cancel/")[0].Body);
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task CancelOrder_UnknownOrder_ThrowsOrderNotFound()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        await Assert.ThrowsAsync<OrderNotFound>(() => fake.Exchange.CancelOrderAsync("00000000-0000-4000-8000-000000000000"));
    }

    [Fact]
    public async Task FetchOrder_UnknownOrder_ThrowsOrderNotFound()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var error = await Assert.ThrowsAsync<OrderNotFound>(() => fake.Exchange.FetchOrderAsync("00000000-0000-4000-8000-000000000000"));

        Assert.Equal("404", error.VenueCode);
    }

    [Fact]
    public async Task FetchOrder_FilledMarketOrder_HasItsExecutionsAsTrades()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var order = await fake.Exchange.FetchOrderAsync(RobinhoodFake.FilledOrderId);

        Assert.Equal((OrderStatus.Closed, 2, 941.54m), (order.Status, order.Trades.Count, order.Cost));
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_OrderOnTheSecondPage_IsFoundByListingAndMatching()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var order = await fake.Exchange.FetchOrderByClientOrderIdAsync("11299b2b-61e3-43e7-b9f7-dee77210bb29");

        Assert.Equal(RobinhoodFake.OpenOrderId, order?.Id);
        var pages = fake.Server.RequestsTo("GET", $"{Trading}/orders/");
        Assert.Equal(2, pages.Count);
        Assert.Equal("2025-12-25T06:00:00.000000Z", pages[0].QueryValue("created_at_start"));
        Assert.Empty(fake.AuthFailures);
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_NonUuidId_MatchesItsDerivedUuid()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var order = await fake.Exchange.FetchOrderByClientOrderIdAsync("sig-7f3a:BTC/USD:buy");

        Assert.Equal(RobinhoodFake.FilledOrderId, order?.Id);
        Assert.Equal("sig-7f3a:BTC/USD:buy", order?.ClientOrderId);
    }

    [Fact]
    public async Task FetchOrderByClientOrderId_NoSuchOrder_ReturnsNull()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        Assert.Null(await fake.Exchange.FetchOrderByClientOrderIdAsync("never-placed"));
    }

    [Fact]
    public async Task FetchOpenOrders_AsksForOpenAndPartiallyFilledOrders()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var orders = await fake.Exchange.FetchOpenOrdersAsync();

        Assert.Equal(["7c9e6679-7425-40de-944b-e07fc1f90ae7", RobinhoodFake.OpenOrderId], orders.Select(o => o.Id));
        Assert.Equal(["open", "open", "partially_filled", "partially_filled"],
            fake.Server.RequestsTo("GET", $"{Trading}/orders/").Select(r => r.QueryValue("state")));
    }

    [Fact]
    public async Task FetchMyTrades_EmulatesTradesFromOrderExecutions()
    {
        await using var fake = await RobinhoodFake.StartAsync();

        var trades = await fake.Exchange.FetchMyTradesAsync();

        Assert.Equal(["7c9e6679-7425-40de-944b-e07fc1f90ae7:0", $"{RobinhoodFake.FilledOrderId}:0", $"{RobinhoodFake.FilledOrderId}:1"],
            trades.Select(t => t.Id));
        Assert.Equal((3350.10m, 0.05m, new Fee(0m, "USD")), (trades[0].Price, trades[0].Amount, trades[0].Fee));
        Assert.Equal("2025-12-25T06:00:00.000000Z", fake.Server.RequestsTo("GET", $"{Trading}/orders/")[0].QueryValue("updated_at_start"));
        Assert.Equal(Capability.Emulated, fake.Exchange.Has.FetchMyTrades);
    }

    [Theory]
    [InlineData(401, "error_unauthorized", typeof(AuthenticationError))]
    [InlineData(401, "error_timestamp", typeof(InvalidNonce))]
    [InlineData(403, "error_forbidden", typeof(PermissionDenied))]
    [InlineData(404, "error_not_found", typeof(BadRequest))]
    [InlineData(500, "error_server", typeof(ExchangeNotAvailable))]
    public async Task FetchBalance_VenueError_IsMappedToItsCcxtError(int status, string body, Type expected)
    {
        await using var fake = await RobinhoodFake.StartAsync();
        fake.On("GET", $"{Trading}/accounts/", FakeResponse.File("robinhood", body, status));

        var error = await Assert.ThrowsAnyAsync<BaseError>(() => fake.Exchange.FetchBalanceAsync());

        Assert.IsType(expected, error);
        Assert.Equal("robinhood", error.Venue);
    }

    [Fact]
    public async Task WithoutKey_EveryCallThrowsAuthenticationErrorBeforeSending()
    {
        await using var fake = await RobinhoodFake.StartAsync(credentials: false);

        var error = await Assert.ThrowsAsync<AuthenticationError>(() => fake.Exchange.FetchTickerAsync(BtcUsd));

        Assert.Contains("Venues__Robinhood__ApiSecret", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task Testnet_IsRefusedBecauseRobinhoodHasNone()
    {
        await using var fake = await RobinhoodFake.StartAsync(testnet: true);

        var error = Assert.Throws<NotSupported>(() => fake.Exchange);

        Assert.Contains("no test environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_Http429WithRetryAfter_SendsNothingUntilItHasPassed()
    {
        await using var fake = await RobinhoodFake.StartAsync(http: RobinhoodExchange.HttpSettings);
        fake.On("GET", $"{Trading}/accounts/", FakeResponse.File("robinhood", "error_throttled", 429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "12" } });

        var first = await Assert.ThrowsAsync<RateLimitExceeded>(() => fake.Exchange.FetchBalanceAsync());
        await Assert.ThrowsAsync<RateLimitExceeded>(() => fake.Exchange.FetchBalanceAsync());
        var sentWhileBanned = fake.Server.RequestsTo("GET", $"{Trading}/accounts/").Count;
        fake.On("GET", $"{Trading}/accounts/", FakeResponse.File("robinhood", "account"));
        fake.Time.Advance(TimeSpan.FromSeconds(30)); // past the ban, and long enough for the bucket (100/min) to refill two requests
        var balance = await fake.Exchange.FetchBalanceAsync();

        Assert.Equal(TimeSpan.FromSeconds(12), first.RetryAfter);
        Assert.Equal(1, sentWhileBanned);
        Assert.Equal(1532.18m, balance["USD"].Free);
    }
}

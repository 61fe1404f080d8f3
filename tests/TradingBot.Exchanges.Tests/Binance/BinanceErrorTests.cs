using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges.Binance;

namespace TradingBot.Exchanges.Tests.Binance;

public sealed class BinanceErrorTests
{
    public static TheoryData<int, string, string, Type> Documented => new()
    {
        { 500, "-1000", "An unknown error occurred while processing the request.", typeof(ExchangeNotAvailable) },
        { 500, "-1001", "Internal error; unable to process your request. Please try again.", typeof(ExchangeNotAvailable) },
        { 401, "-1002", "You are not authorized to execute this request.", typeof(AuthenticationError) },
        { 429, "-1003", "Too many requests queued.", typeof(RateLimitExceeded) },
        { 418, "-1003", "Way too much request weight used; IP banned until 1767225720000.", typeof(DDoSProtection) },
        { 500, "-1006", "An unexpected response was received from the message bus. Execution status unknown.", typeof(RequestTimeout) },
        { 500, "-1007", "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", typeof(RequestTimeout) },
        { 503, "-1008", "Server is currently overloaded with other requests. Please try again in a few minutes.", typeof(ExchangeNotAvailable) },
        { 400, "-1010", "Account has insufficient balance for requested action.", typeof(InsufficientFunds) },
        { 400, "-1013", "Filter failure: LOT_SIZE", typeof(InvalidOrder) },
        { 400, "-1013", "Filter failure: NOTIONAL", typeof(InvalidOrder) },
        { 400, "-1013", "Market is closed.", typeof(MarketClosed) },
        { 429, "-1015", "Too many new orders; current limit is 100 orders per 10 SECOND.", typeof(RateLimitExceeded) },
        { 400, "-1021", "Timestamp for this request is outside of the recvWindow.", typeof(InvalidNonce) },
        { 400, "-1022", "Signature for this request is not valid.", typeof(AuthenticationError) },
        { 400, "-1100", "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.", typeof(BadRequest) },
        { 400, "-1102", "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.", typeof(BadRequest) },
        { 400, "-1111", "Precision is over the maximum defined for this asset.", typeof(BadRequest) },
        { 400, "-1121", "Invalid symbol.", typeof(BadSymbol) },
        { 400, "-1131", "recvWindow must be less than 60000", typeof(BadRequest) },
        { 400, "-2010", "New order rejected.", typeof(InvalidOrder) },
        { 400, "-2010", "Account has insufficient balance for requested action.", typeof(InsufficientFunds) },
        { 400, "-2010", "Duplicate order sent.", typeof(DuplicateOrderId) },
        { 400, "-2010", "Order would immediately match and take.", typeof(OrderImmediatelyFillable) },
        { 400, "-2010", "Order would trigger immediately.", typeof(OrderImmediatelyFillable) },
        { 400, "-2010", "Market is closed.", typeof(MarketClosed) },
        { 400, "-2010", "This action is disabled on this account.", typeof(AccountSuspended) },
        { 400, "-2010", "This account may not place or cancel orders.", typeof(AccountSuspended) },
        { 400, "-2010", "Rest API trading is not enabled.", typeof(PermissionDenied) },
        { 400, "-2010", "Price * QTY is zero or less.", typeof(InvalidOrder) },
        { 400, "-2011", "Unknown order sent.", typeof(OrderNotFound) },
        { 400, "-2011", "Order was not canceled due to cancel restrictions.", typeof(OrderNotFound) },
        { 400, "-2013", "Order does not exist.", typeof(OrderNotFound) },
        { 401, "-2014", "API-key format invalid.", typeof(AuthenticationError) },
        { 401, "-2015", "Invalid API-key, IP, or permissions for action.", typeof(PermissionDenied) },
        { 400, "-2026", "Order was canceled or expired with no executed qty over 90 days ago and has been archived.", typeof(OrderNotFound) },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void Translate_DocumentedCodeAndMessage_CcxtClass(int status, string code, string message, Type expected)
    {
        var body = $"{{\"code\":{code},\"msg\":\"{message}\"}}";

        var error = BinanceMapper.Errors.Translate("binance", "POST /api/v3/order", status, body);

        Assert.IsType(expected, error);
        Assert.Equal(("binance", code), (error.Venue, error.VenueCode));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_EveryMalformedParameterCode_BadRequestOrBadSymbol()
    {
        for (var code = 1100; code <= 1131; code++)
        {
            var error = BinanceMapper.Errors.Translate("binance", "GET /api/v3/order", 400, $"{{\"code\":-{code},\"msg\":\"x\"}}");

            Assert.IsAssignableFrom<BadRequest>(error);
        }
    }

    [Fact]
    public void Translate_EveryCodeInTheTable_IsAnExchangeOrNetworkError()
    {
        foreach (var code in BinanceMapper.Errors.Codes)
        {
            var error = BinanceMapper.Errors.Translate("binance", "GET /api/v3/account", 400, $"{{\"code\":{code},\"msg\":\"?\"}}");

            Assert.True(error is ExchangeError or NetworkError, $"{code} → {error.GetType().Name}");
        }
    }

    [Fact]
    public void Translate_ServerErrorOnOrderPlacement_SaysOutcomeUnknown()
    {
        var error = BinanceMapper.Errors.Translate("binance", "POST /api/v3/order", 503, "{\"code\":-1008,\"msg\":\"Server busy\"}", placesOrder: true);

        Assert.IsType<ExchangeNotAvailable>(error);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_NonJsonBody_FallsBackToHttpStatus()
    {
        var error = BinanceMapper.Errors.Translate("binance", "GET /api/v3/time", 403, "<html>WAF</html>");

        Assert.IsType<ExchangeNotAvailable>(error);
        Assert.Equal("403", error.VenueCode);
        Assert.Contains("<html>WAF</html>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOrder_UnknownSide_IsABadResponseNotASell()
    {
        var raw = JsonSerializer.Deserialize<BinanceOrder>(
            """{"symbol":"BTCUSDT","orderId":7,"clientOrderId":"tb1","status":"NEW","type":"MARKET","side":"HOLD","fills":[]}""", BinanceMessages.Json)!;

        var error = Assert.Throws<BadResponse>(() => BinanceMapper.ToOrder(raw, Symbol.Parse("BTC/USDT")));

        Assert.Contains("unknown order side 'HOLD'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_OptionalFieldsMissing_TakeTheirDefaultsNotNullOrZero()
    {
        var info = JsonSerializer.Deserialize<BinanceExchangeInfo>(
            """{"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT"}]}""", BinanceMessages.Json)!;
        var order = JsonSerializer.Deserialize<BinanceOrder>(
            """{"symbol":"BTCUSDT","orderId":7,"status":"NEW","type":"LIMIT","side":"BUY"}""", BinanceMessages.Json)!;

        var symbol = Assert.Single(info.Symbols);
        Assert.Empty(info.RateLimits);
        Assert.Equal((8, 8, true), (symbol.BaseAssetPrecision, symbol.QuoteAssetPrecision, symbol.IsSpotTradingAllowed));
        Assert.Empty(symbol.OrderTypes);
        Assert.Empty(symbol.Filters);
        Assert.Empty(order.Fills);
    }

    [Theory]
    [InlineData("""{"balances":[{"free":"1","locked":"0"}]}""", "asset")]
    [InlineData("""{"symbol":"BTCUSDT","orderId":7,"status":"FILLED","type":"MARKET","side":"BUY","fills":[{"price":"1","qty":"1","commission":"0","tradeId":1}]}""", "commissionAsset")]
    public void Deserialize_RequiredFieldMissing_FailsNamingTheFieldInsteadOfANullLater(string json, string field)
    {
        var error = Assert.ThrowsAny<JsonException>(() => json.Contains("balances", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<BinanceAccount>(json, BinanceMessages.Json)
            : (object?)JsonSerializer.Deserialize<BinanceOrder>(json, BinanceMessages.Json));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;

namespace TradingBot.Exchanges.Tests.Http;

public sealed class VenueErrorMapTests
{
    private static VenueErrorMap Map() => new VenueErrorMap(body => body.StartsWith('{') ? new VenueErrorBody(
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("c").GetString(),
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("m").GetString()) : null)
        .Code("E1", m => new InvalidOrder(m))
        .Message("exact words", m => new InsufficientFunds(m))
        .Broad("banned", m => new DDoSProtection(m))
        .Status(403, m => new PermissionDenied(m));

    [Fact]
    public void Translate_ExactMessage_WinsOverCode()
    {
        Assert.IsType<InsufficientFunds>(Map().Translate("v", "GET /", 400, "{\"c\":\"E1\",\"m\":\"exact words\"}"));
    }

    [Fact]
    public void Translate_BroadFragment_WinsOverCode()
    {
        Assert.IsType<DDoSProtection>(Map().Translate("v", "GET /", 400, "{\"c\":\"E1\",\"m\":\"IP is BANNED for now\"}"));
    }

    [Fact]
    public void Translate_CodeOnly_MapsByCode()
    {
        Assert.IsType<InvalidOrder>(Map().Translate("v", "GET /", 400, "{\"c\":\"E1\",\"m\":\"other\"}"));
    }

    [Fact]
    public void Translate_VenueStatusOverride_BeforeCcxtTable()
    {
        Assert.IsType<PermissionDenied>(Map().Translate("v", "GET /", 403, "nope"));
    }

    [Fact]
    public void Translate_RateLimit_CarriesRetryAfter()
    {
        var error = Assert.IsType<RateLimitExceeded>(Map().Translate("v", "GET /", 429, "", TimeSpan.FromSeconds(9)));

        Assert.Equal(TimeSpan.FromSeconds(9), error.RetryAfter);
        Assert.Contains("(empty response)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_LongUnreadableBody_ShortenedInTheMessage()
    {
        var error = Map().Translate("v", "GET /", 500, new string('x', 5000));

        Assert.True(error.Message.Length < 300);
    }

    [Theory]
    [InlineData(401, typeof(AuthenticationError))]
    [InlineData(407, typeof(AuthenticationError))]
    [InlineData(511, typeof(AuthenticationError))]
    [InlineData(418, typeof(DDoSProtection))]
    [InlineData(429, typeof(RateLimitExceeded))]
    [InlineData(408, typeof(RequestTimeout))]
    [InlineData(504, typeof(RequestTimeout))]
    [InlineData(422, typeof(ExchangeError))]
    [InlineData(400, typeof(ExchangeNotAvailable))]
    [InlineData(403, typeof(ExchangeNotAvailable))]
    [InlineData(404, typeof(ExchangeNotAvailable))]
    [InlineData(405, typeof(ExchangeNotAvailable))]
    [InlineData(409, typeof(ExchangeNotAvailable))]
    [InlineData(410, typeof(ExchangeNotAvailable))]
    [InlineData(451, typeof(ExchangeNotAvailable))]
    [InlineData(500, typeof(ExchangeNotAvailable))]
    [InlineData(501, typeof(ExchangeNotAvailable))]
    [InlineData(502, typeof(ExchangeNotAvailable))]
    [InlineData(503, typeof(ExchangeNotAvailable))]
    [InlineData(520, typeof(ExchangeNotAvailable))]
    [InlineData(526, typeof(ExchangeNotAvailable))]
    [InlineData(530, typeof(ExchangeNotAvailable))]
    [InlineData(402, typeof(ExchangeError))]
    public void FromStatus_CcxtFallbackTable(int status, Type expected)
    {
        Assert.IsType(expected, HttpStatusErrors.FromStatus(status, "m"));
    }
}

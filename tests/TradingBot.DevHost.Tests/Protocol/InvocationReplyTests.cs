using System.Text;
using System.Text.Json;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Tests.Protocol;

/// <summary>How the handler's reply is read and its outputs become messages and HTTP responses (functions-custom-handler.md §1.4, §1.5).</summary>
public sealed class InvocationReplyTests
{
    [Theory]
    [InlineData(500, """{"Outputs":{}}""")]
    [InlineData(503, "")]
    [InlineData(200, "")]
    [InlineData(200, "   ")]
    [InlineData(200, "not json")]
    [InlineData(200, "[1,2]")]
    public void Parse_NonSuccessOrUnreadableReply_FailsTheInvocation(int status, string body)
    {
        var failure = Assert.Throws<InvocationFailedException>(() => InvocationReply.Parse(status, body));

        Assert.Equal(status, failure.StatusCode);
    }

    [Fact]
    public void Parse_ReadsOutputsLogsAndReturnValue_CaseInsensitively_KeepingBindingNamesExact()
    {
        var reply = InvocationReply.Parse(200, """{"outputs":{"Signals":[{"a":1}],"signals":{"b":2}},"logs":["one","two"],"returnValue":{"ok":true}}""");

        Assert.Equal(["Signals", "signals"], reply.Outputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["one", "two"], reply.Logs);
        Assert.True(reply.ReturnValue!.Value.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Messages_AnArray_GivesOneIndentedBodyPerElement_WithDatesAndFractionsReadTheNewtonsoftWay()
    {
        using var output = JsonDocument.Parse("""
            [{"id":"sig-1","at":"2026-01-10T12:00:00.0000000Z","price":"97000.10","qty":0.1000000000000000055511151231257827,"n":5,"local":"2026-01-10T12:00:00+02:00","empty":{},"list":[]},
             {"id":"sig-2"}]
            """);

        var bodies = InvocationReply.Messages(output.RootElement, binary: false).Select(Encoding.UTF8.GetString).ToList();

        Assert.Equal(2, bodies.Count);
        Assert.Equal(
            "{\n  \"id\": \"sig-1\",\n  \"at\": \"2026-01-10T12:00:00Z\",\n  \"price\": \"97000.10\",\n  \"qty\": 0.1,\n  \"n\": 5,\n  \"local\": \"2026-01-10T10:00:00+00:00\",\n  \"empty\": {},\n  \"list\": []\n}",
            bodies[0]);
        Assert.Equal("{\n  \"id\": \"sig-2\"\n}", bodies[1]);
    }

    [Theory]
    [InlineData("\"dGVzdA==\"", "dGVzdA==", true)]
    [InlineData("\"BUY1\"", "BUY1", true)]
    [InlineData("\"hello world\"", "hello world", false)]
    [InlineData("\"{\\\"a\\\":1}\"", "{\n  \"a\": 1\n}", false)]
    [InlineData("{\"a\":1.50}", "{\n  \"a\": 1.5\n}", false)]
    [InlineData("[\"dGVzdA==\"]", "dGVzdA==", false)]
    public void Messages_AStringIsBase64DecodedWhenItCanBe_ElseParsedAsJson_ElseSentAsText(string json, string expected, bool base64)
    {
        using var output = JsonDocument.Parse(json);

        var body = Assert.Single(InvocationReply.Messages(output.RootElement, binary: false));

        Assert.Equal(base64 ? Convert.FromBase64String(expected) : Encoding.UTF8.GetBytes(expected), body);
    }

    [Fact]
    public void Messages_AStringHoldingAJsonArray_GivesSeveralMessages_AndNullGivesNone()
    {
        using var array = JsonDocument.Parse("\"[{\\\"a\\\":1},{\\\"b\\\":2}]\"");
        using var none = JsonDocument.Parse("null");

        Assert.Equal(2, InvocationReply.Messages(array.RootElement, binary: false).Count);
        Assert.Empty(InvocationReply.Messages(none.RootElement, binary: false));
    }

    [Fact]
    public void Messages_ABinaryBindingsOutputMustBeBase64()
    {
        using var output = JsonDocument.Parse("\"not base64!\"");

        Assert.Throws<InvocationFailedException>(() => InvocationReply.Messages(output.RootElement, binary: true));
    }

    [Fact]
    public void HttpOutput_MapsStatusHeadersContentTypeAndBody()
    {
        using var res = JsonDocument.Parse("""{"statusCode":"201","headers":{"Content-Type":"application/json","X-Order":42},"body":{"orderId":"42"}}""");
        using var text = JsonDocument.Parse("""{"status":400,"body":"bad qty"}""");

        var created = HttpOutput.From(res.RootElement);
        var rejected = HttpOutput.From(text.RootElement);

        Assert.Equal((201, "application/json"), (created.StatusCode, created.ContentType));
        Assert.Equal(KeyValuePair.Create("X-Order", "42"), Assert.Single(created.Headers));
        Assert.Equal("{\n  \"orderId\": \"42\"\n}", Encoding.UTF8.GetString(created.Body));
        Assert.Equal((400, "bad qty"), (rejected.StatusCode, Encoding.UTF8.GetString(rejected.Body)));
        Assert.StartsWith("text/plain", rejected.ContentType, StringComparison.Ordinal);
    }
}

namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>What the fake venue answers.</summary>
internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeResponse Json(int status, string body) => new(status, body);

    /// <summary>A recorded payload from <c>TestData/&lt;venue&gt;/&lt;name&gt;.json</c>.</summary>
    public static FakeResponse File(string venue, string name, int status = 200) => new(status, TestData.Read(venue, name));

    public static FakeResponse Text(int status, string body) => new(status, body, "text/plain");
}

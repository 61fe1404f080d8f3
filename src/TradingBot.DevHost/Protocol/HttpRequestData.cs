namespace TradingBot.DevHost.Protocol;

/// <summary>An HTTP request as the host describes it to a payload-mode HTTP function (§1.3.3).</summary>
public sealed record HttpRequestData(string Url, string Method)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> RouteValues { get; init; } = [];

    /// <summary>The body as text (base64 for binary content types); null when empty.</summary>
    public string? Body { get; init; }

    /// <summary>The authorization level the key granted (<c>Function</c>, <c>Admin</c>), or null for an anonymous call.</summary>
    public string? AuthLevel { get; init; }
}

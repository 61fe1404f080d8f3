namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>One request as the fake venue received it: <see cref="RawTarget"/> is the path and query exactly as sent.</summary>
internal sealed record FakeRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string[]> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string Host)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

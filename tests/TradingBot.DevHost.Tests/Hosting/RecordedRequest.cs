namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>A request the fake handler received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

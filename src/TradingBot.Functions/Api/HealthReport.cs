namespace TradingBot.Functions.Api;

/// <summary>The health answer: status, build version, server time, trading mode per explicitly configured venue (others trade on paper).</summary>
public sealed record HealthReport(string Status, string Version, DateTimeOffset Time, IReadOnlyDictionary<string, string> Modes);

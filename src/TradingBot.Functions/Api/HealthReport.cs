namespace TradingBot.Functions.Api;

/// <summary>
/// The health answer: status, build version, server time, trading mode per explicitly configured venue (others trade on
/// paper), and how callers sign in (<c>key</c> or <c>app-service</c>: the dashboard shows its key form only for keys).
/// </summary>
public sealed record HealthReport(string Status, string Version, DateTimeOffset Time, IReadOnlyDictionary<string, string> Modes, string Auth);

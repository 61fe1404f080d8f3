namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// An account's risk state: whether the kill switch is engaged, every active halt with its reason, the equity figures
/// the breakers measure against, orders risk approved that are still executing, and whether a flatten was requested.
/// </summary>
public sealed record AccountRiskView(
    string Account,
    bool KillSwitchEngaged,
    IReadOnlyList<HaltView> Halts,
    decimal StartingEquity,
    decimal EquityPeak,
    decimal DayStartEquity,
    int PendingOrders,
    DateTimeOffset? FlattenRequestedAt);

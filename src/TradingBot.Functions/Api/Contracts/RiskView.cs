namespace TradingBot.Functions.Api.Contracts;

/// <summary>Risk state of every known account (accounts of configured strategies and every account risk has a book for).</summary>
public sealed record RiskView(DateTimeOffset AsOf, IReadOnlyList<AccountRiskView> Accounts);

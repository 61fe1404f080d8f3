namespace TradingBot.Functions.Api.Contracts;

/// <summary>What a halt or resume changed: the accounts it changed (others were already in that state) and the resulting state.</summary>
public sealed record RiskActionView(IReadOnlyList<string> Changed, RiskView State);

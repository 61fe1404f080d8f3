namespace TradingBot.Functions.Api.Contracts;

/// <summary>An active halt: <see cref="Reason"/> (<c>kill-switch</c>, <c>daily-loss-limit</c>, <c>max-drawdown</c>), since when, how it ends, why.</summary>
public sealed record HaltView(string Reason, DateTimeOffset Since, DateOnly Day, string Reset, string Message);

namespace TradingBot.Core.Risk;

/// <summary>A protective level was reached within a candle: the position exits at <see cref="Price"/>.</summary>
public readonly record struct ExitHit(ProtectiveExit Kind, decimal Price);

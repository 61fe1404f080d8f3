namespace TradingBot.Core.Strategies;

/// <summary>The position a strategy wants to hold after a bar closes.</summary>
public enum TargetPosition
{
    Flat = 0,
    Long = 1,
    Short = -1,
}

namespace TradingBot.Core.Risk;

/// <summary>Which protective level closed a position.</summary>
public enum ProtectiveExit
{
    StopLoss,
    TakeProfit,
    TrailingStop,
}

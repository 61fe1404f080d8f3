namespace TradingBot.Backtesting.Engine;

/// <summary>Why a trade was closed. Serialized in kebab case (<c>stop-loss</c>) in JSON results.</summary>
public enum ExitReason
{
    Signal,
    StopLoss,
    TakeProfit,
    TrailingStop,
    End,
    Liquidation,
    KillSwitch,
}

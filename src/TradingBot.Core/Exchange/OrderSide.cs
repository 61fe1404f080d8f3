namespace TradingBot.Core.Exchange;

/// <summary>CCXT <c>side</c>: <c>buy</c> or <c>sell</c>.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

namespace TradingBot.Core.Exchange;

/// <summary>CCXT <c>type</c>: the order types every adapter supports.</summary>
public enum OrderType
{
    Market,
    Limit,
}

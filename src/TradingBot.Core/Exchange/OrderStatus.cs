namespace TradingBot.Core.Exchange;

/// <summary>
/// CCXT order <c>status</c>: <c>open</c> (working, incl. partially filled), <c>closed</c> (fully filled),
/// <c>canceled</c> (may have fills), <c>expired</c>, <c>rejected</c> (never accepted).
/// </summary>
public enum OrderStatus
{
    Open,
    Closed,
    Canceled,
    Expired,
    Rejected,
}

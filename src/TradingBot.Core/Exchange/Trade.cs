using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>A CCXT unified trade (one execution of one of our orders): amount in base, cost = price · amount in quote.</summary>
public sealed record Trade(string Id, string OrderId, Symbol Symbol, OrderSide Side, decimal Price, decimal Amount, DateTimeOffset Timestamp)
{
    public decimal Cost => Price * Amount;

    public Fee? Fee { get; init; }

    /// <summary><c>taker</c> or <c>maker</c>, when the venue says.</summary>
    public string? TakerOrMaker { get; init; }

    public string? ClientOrderId { get; init; }
}

using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>
/// An order to place. <see cref="ClientOrderId"/> is mandatory: it is derived deterministically from the order's
/// cause so that a redelivered message can never place a second order, and it is the key for reconciliation.
/// For a market buy sized in quote currency set <see cref="QuoteAmount"/> instead of <see cref="Amount"/>.
/// </summary>
public sealed record CreateOrderRequest(Symbol Symbol, OrderType Type, OrderSide Side, string ClientOrderId)
{
    /// <summary>Base amount (required unless <see cref="QuoteAmount"/> is set on a market buy).</summary>
    public decimal? Amount { get; init; }

    /// <summary>Limit price (limit orders only).</summary>
    public decimal? Price { get; init; }

    /// <summary>Quote amount for a market buy (CCXT <c>cost</c>); only where <c>Has.CreateMarketBuyWithCost</c>.</summary>
    public decimal? QuoteAmount { get; init; }

    /// <summary><c>GTC</c> (default), <c>IOC</c> or <c>FOK</c>.</summary>
    public string? TimeInForce { get; init; }

    public bool PostOnly { get; init; }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Execution;

/// <summary>
/// What we know about one of our orders (the <c>Orders</c> table row): the approved request, where it went
/// (<see cref="Account"/>, <see cref="Mode"/>), its <see cref="State"/>, and the executions recorded so far
/// (<see cref="Filled"/>, <see cref="Cost"/>, fees). <see cref="Attempt"/> counts venue submissions.
/// </summary>
public sealed record TrackedOrder(
    string OrderId,
    string ClientOrderId,
    string SignalId,
    string CorrelationId,
    string StrategyId,
    string Venue,
    string Account,
    TradingMode Mode,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Amount,
    decimal ReferencePrice,
    DateTimeOffset CreatedAt)
{
    public decimal? LimitPrice { get; init; }

    public OrderState State { get; init; } = OrderState.Submitting;

    public string? ExchangeOrderId { get; init; }

    /// <summary>Base amount executed (sum of recorded fills).</summary>
    public decimal Filled { get; init; }

    /// <summary>Quote value executed (sum of price · amount of recorded fills), fees excluded.</summary>
    public decimal Cost { get; init; }

    public decimal FeeCost { get; init; }

    public string? FeeCurrency { get; init; }

    public int Attempt { get; init; } = 1;

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? LastReconciledAt { get; init; }

    /// <summary>Why the order is rejected, canceled, unknown or was resubmitted.</summary>
    public string? Reason { get; init; }

    public decimal? AveragePrice => Filled > 0m ? Cost / Filled : null;

    /// <summary>The request sent to the venue (same client order id on every attempt).</summary>
    public CreateOrderRequest ToRequest() => new(Symbol, Type, Side, ClientOrderId)
    {
        Amount = Amount,
        Price = Type == OrderType.Limit ? LimitPrice : null,
    };
}

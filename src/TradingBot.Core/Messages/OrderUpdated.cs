using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// Order <see cref="OrderId"/> reached <see cref="State"/> with <see cref="Filled"/> of <see cref="Amount"/> executed.
/// <see cref="Reason"/> says why for rejections, cancellations and unknown outcomes.
/// </summary>
public sealed record OrderUpdated(
    string Id,
    string CausationId,
    string CorrelationId,
    DateTimeOffset At,
    string OrderId,
    string ClientOrderId,
    string StrategyId,
    string Venue,
    string Account,
    Symbol Symbol,
    OrderSide Side,
    OrderState State,
    decimal Amount,
    decimal Filled,
    decimal? AveragePrice = null,
    string? ExchangeOrderId = null,
    string? Reason = null) : IMessage
{
    public const string SchemaName = "tradingbot.order-updated.v1";

    public string Schema => SchemaName;

    public static OrderUpdated For(TrackedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderUpdated(MessageIds.OrderUpdate(order.OrderId, order.State.ToString(), order.Filled), order.OrderId,
            order.CorrelationId, order.UpdatedAt.ToUniversalTime(), order.OrderId, order.ClientOrderId, order.StrategyId, order.Venue,
            order.Account, order.Symbol, order.Side, order.State, order.Amount, order.Filled, order.AveragePrice, order.ExchangeOrderId,
            order.Reason);
    }

    public string? Validate() => MessageRules.First(
        MessageRules.Text(OrderId, "orderId"),
        MessageRules.Text(Account, "account"),
        MessageRules.Text(StrategyId, "strategyId"),
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        MessageRules.Envelope(this, MessageIds.OrderUpdate(OrderId, State.ToString(), Filled)),
        OrderId == CausationId ? null : "causationId: must be the order id.",
        MessageRules.NotNegative(Filled, "filled"),
        MessageRules.Positive(Amount, "amount"));
}

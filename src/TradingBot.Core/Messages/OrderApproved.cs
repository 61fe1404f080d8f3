using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// Risk approved an order for signal <see cref="CausationId"/>: <see cref="Side"/> <see cref="Amount"/> (base, already
/// truncated to the venue's amount step) of <see cref="Symbol"/> on <see cref="Venue"/>. <see cref="Id"/> is the order
/// id; <see cref="ClientOrderId"/> is derived from it in the venue's format. <see cref="ReferencePrice"/> is the
/// signal's price (notional checks, paper fills); <see cref="LimitPrice"/> only for limit orders.
/// </summary>
public sealed record OrderApproved(
    string Id,
    string CausationId,
    string CorrelationId,
    DateTimeOffset At,
    string ClientOrderId,
    string StrategyId,
    string Venue,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Amount,
    decimal ReferencePrice,
    decimal? LimitPrice = null) : IMessage
{
    public const string SchemaName = "tradingbot.order-approved.v1";

    public string Schema => SchemaName;

    public static OrderApproved For(SignalRaised signal, OrderSide side, decimal amount, DateTimeOffset at,
        OrderType type = OrderType.Market, decimal? limitPrice = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var id = MessageIds.Order(signal.Id);
        return new OrderApproved(id, signal.Id, signal.CorrelationId, at.ToUniversalTime(), ClientOrderIds.For(signal.Venue, id),
            signal.StrategyId, signal.Venue, signal.Symbol, side, type, amount, signal.Price, limitPrice);
    }

    public string? Validate() => MessageRules.First(
        MessageRules.Text(StrategyId, "strategyId"),
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        MessageRules.Envelope(this, MessageIds.Order(CausationId)),
        ClientOrderId == ClientOrderIds.For(Venue, Id) ? null : "clientOrderId: not the one derived from the order id.",
        Enum.IsDefined(Side) ? null : "side: unknown.",
        MessageRules.Positive(Amount, "amount"),
        MessageRules.Positive(ReferencePrice, "referencePrice"),
        Type == OrderType.Limit && LimitPrice is not > 0m ? "limitPrice: required and positive for a limit order." : null,
        Type == OrderType.Market && LimitPrice is not null ? "limitPrice: not allowed on a market order." : null);
}

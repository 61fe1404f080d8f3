using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// Risk approved an order for signal <see cref="CausationId"/>: <see cref="Side"/> <see cref="Amount"/> (base, already
/// truncated to the venue's amount step) of <see cref="Symbol"/> on <see cref="Venue"/>. <see cref="Id"/> is the order
/// id; <see cref="ClientOrderId"/> is derived from it in the venue's format. <see cref="ReferencePrice"/> is the
/// signal's price (notional checks, paper fills); <see cref="LimitPrice"/> only for limit orders. <see cref="Leg"/> is 0
/// for the signal's own order and 1, 2... for further orders of the same decision.
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
    decimal? LimitPrice = null,
    int Leg = 0) : IMessage
{
    public const string SchemaName = "tradingbot.order-approved.v1";

    public string Schema => SchemaName;

    public static OrderApproved For(SignalRaised signal, OrderSide side, decimal amount, DateTimeOffset at, int leg = 0, Symbol? symbol = null,
        decimal? referencePrice = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var id = MessageIds.Order(signal.Id, leg);
        return new OrderApproved(id, signal.Id, signal.CorrelationId, at.ToUniversalTime(), ClientOrderIds.For(signal.Venue, id),
            signal.StrategyId, signal.Venue, symbol ?? signal.Symbol, side, OrderType.Market, amount, referencePrice ?? signal.Price, null, leg);
    }

    public string? Validate() => MessageRules.First(
        MessageRules.Text(StrategyId, "strategyId"),
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        Leg >= 0 ? null : "leg: must not be negative.",
        MessageRules.Envelope(this, MessageIds.Order(CausationId, Math.Max(Leg, 0))),
        ClientOrderId == ClientOrderIds.For(Venue, Id) ? null : "clientOrderId: not the one derived from the order id.",
        Enum.IsDefined(Side) ? null : "side: unknown.",
        MessageRules.Positive(Amount, "amount"),
        MessageRules.Positive(ReferencePrice, "referencePrice"),
        Type == OrderType.Limit && LimitPrice is not > 0m ? "limitPrice: required and positive for a limit order." : null,
        Type == OrderType.Market && LimitPrice is not null ? "limitPrice: not allowed on a market order." : null);
}

using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// One execution (venue trade <see cref="TradeId"/>) of order <see cref="OrderId"/> in <see cref="Account"/>:
/// <see cref="Amount"/> base at <see cref="Price"/>, fee <see cref="FeeCost"/> in <see cref="FeeCurrency"/>.
/// Deduplicated by its id (derived from order id + trade id) wherever it is applied.
/// </summary>
public sealed record OrderFilled(
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
    string TradeId,
    decimal Price,
    decimal Amount,
    decimal FeeCost,
    string? FeeCurrency = null,
    string? TakerOrMaker = null) : IMessage
{
    public const string SchemaName = "tradingbot.order-filled.v1";

    public string Schema => SchemaName;

    public static OrderFilled For(TrackedOrder order, ExecutionFill fill)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(fill);
        return new OrderFilled(MessageIds.Fill(order.OrderId, fill.TradeId), order.OrderId, order.CorrelationId, fill.Timestamp.ToUniversalTime(),
            order.OrderId, order.ClientOrderId, order.StrategyId, order.Venue, order.Account, order.Symbol, order.Side, fill.TradeId,
            fill.Price, fill.Amount, fill.FeeCost, fill.FeeCost > 0m ? fill.FeeCurrency : null, fill.TakerOrMaker);
    }

    /// <summary>The fee as a CCXT fee record (null when there is none).</summary>
    [JsonIgnore]
    public Fee? Fee => FeeCost > 0m && FeeCurrency is not null ? new Fee(FeeCost, FeeCurrency) : null;

    public string? Validate() => MessageRules.First(
        MessageRules.Text(OrderId, "orderId"),
        MessageRules.Text(TradeId, "tradeId"),
        MessageRules.Text(Account, "account"),
        MessageRules.Text(StrategyId, "strategyId"),
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        MessageRules.Envelope(this, MessageIds.Fill(OrderId, TradeId)),
        OrderId == CausationId ? null : "causationId: must be the order id.",
        MessageRules.Positive(Price, "price"),
        MessageRules.Positive(Amount, "amount"),
        MessageRules.NotNegative(FeeCost, "feeCost"),
        FeeCost > 0m && string.IsNullOrWhiteSpace(FeeCurrency) ? "feeCurrency: required when there is a fee." : null);
}

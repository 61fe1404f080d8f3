using TradingBot.Core.Exchange;

namespace TradingBot.Core.Execution;

/// <summary>Rules of the order state machine: mapping venue status, terminal states, allowed transitions.</summary>
public static class OrderStates
{
    public static bool IsTerminal(this OrderState state) =>
        state is OrderState.Filled or OrderState.Canceled or OrderState.Rejected or OrderState.Expired;

    /// <summary>Our state for what the venue reports (open with fills = partially filled).</summary>
    public static OrderState FromVenue(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status switch
        {
            OrderStatus.Open => order.Filled > 0m ? OrderState.PartiallyFilled : OrderState.Open,
            OrderStatus.Closed => OrderState.Filled,
            OrderStatus.Canceled => OrderState.Canceled,
            OrderStatus.Expired => OrderState.Expired,
            OrderStatus.Rejected => OrderState.Rejected,
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Status, "Unknown venue order status."),
        };
    }

    /// <summary>
    /// Whether the row may move from <paramref name="from"/> to <paramref name="to"/>: terminal states are final;
    /// anything non-terminal may move to any state (a venue can report any progress after an unknown outcome).
    /// </summary>
    public static bool CanMove(OrderState from, OrderState to) => from == to || !from.IsTerminal();
}

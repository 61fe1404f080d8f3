using TradingBot.Core.Exchange;

namespace TradingBot.Core.Execution;

/// <summary>
/// Folds what a venue reports about an order into what we recorded, exactly once. The venue's cumulative filled
/// amount is the truth for <i>how much</i> executed; its trades supply the detail (ids, prices, fees). Trades we
/// already recorded (by venue trade id) are skipped; if the venue reports more filled than its unrecorded trades
/// explain (venues that report only cumulative values), the remainder becomes one synthesized execution with the id
/// <c>cum-&lt;filled total&gt;</c>, priced from the cumulative cost. So partial fills accumulate and a repeated
/// report never double-counts.
/// </summary>
public static class ExecutionProgress
{
    public static ExecutionUpdate Apply(TrackedOrder order, IReadOnlySet<string> recordedTradeIds, Order report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(recordedTradeIds);
        ArgumentNullException.ThrowIfNull(report);
        var venue = report.Normalize();
        var target = Math.Max(order.Filled, venue.Filled);
        var fills = new List<ExecutionFill>();
        var filled = order.Filled;
        var cost = order.Cost;
        var feeCost = order.FeeCost;
        var feeCurrency = order.FeeCurrency;

        foreach (var trade in venue.Trades.OrderBy(t => t.Timestamp).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var missing = target - filled;
            if (missing <= 0m)
            {
                break;
            }

            if (recordedTradeIds.Contains(trade.Id) || fills.Any(f => f.TradeId == trade.Id) || trade.Amount <= 0m)
            {
                continue;
            }

            var amount = Math.Min(trade.Amount, missing);
            var fee = trade.Fee is { } f ? f.Cost * (amount / trade.Amount) : 0m;
            var fill = new ExecutionFill(trade.Id, trade.Price, amount, fee, trade.Fee?.Currency, trade.Timestamp) { TakerOrMaker = trade.TakerOrMaker };
            fills.Add(fill);
            filled += amount;
            cost += fill.Cost;
            (feeCost, feeCurrency) = AddFee(feeCost, feeCurrency, fill);
        }

        if (target > filled)
        {
            var amount = target - filled;
            var price = venue.Cost is { } total && total > cost ? (total - cost) / amount : venue.Average ?? venue.Price ?? order.ReferencePrice;
            var (reportedFee, reportedCurrency) = TotalFee(venue, feeCurrency);
            var fee = reportedFee > feeCost ? reportedFee - feeCost : 0m;
            var fill = new ExecutionFill("cum-" + Precision.ToWire(target), price, amount, fee, fee > 0m ? reportedCurrency : null,
                venue.LastTradeTimestamp ?? venue.Timestamp ?? now);
            fills.Add(fill);
            filled = target;
            cost += fill.Cost;
            (feeCost, feeCurrency) = AddFee(feeCost, feeCurrency, fill);
        }

        var state = OrderStates.FromVenue(venue);
        if (!OrderStates.CanMove(order.State, state))
        {
            state = order.State;
        }

        var updated = order with
        {
            State = state,
            ExchangeOrderId = string.IsNullOrEmpty(venue.Id) ? order.ExchangeOrderId : venue.Id,
            Filled = filled,
            Cost = cost,
            FeeCost = feeCost,
            FeeCurrency = feeCurrency,
            UpdatedAt = now,
            Reason = state is OrderState.Rejected or OrderState.Canceled or OrderState.Expired
                ? order.Reason ?? $"venue reported {venue.Status.ToString().ToLowerInvariant()}"
                : order.Reason,
        };
        return new ExecutionUpdate(updated, fills);
    }

    /// <summary>
    /// <paramref name="order"/> with <paramref name="fills"/> added to its cumulative figures (filled amount, cost, fee),
    /// as <see cref="Apply"/> adds them; nothing else changes. Lets a store advance the order row step by step together
    /// with the execution rows it writes, so that the row always equals the sum of the recorded executions.
    /// </summary>
    public static TrackedOrder Accumulate(TrackedOrder order, IEnumerable<ExecutionFill> fills)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(fills);
        var (filled, cost, feeCost, feeCurrency) = (order.Filled, order.Cost, order.FeeCost, order.FeeCurrency);
        foreach (var fill in fills)
        {
            filled += fill.Amount;
            cost += fill.Cost;
            (feeCost, feeCurrency) = AddFee(feeCost, feeCurrency, fill);
        }

        return order with { Filled = filled, Cost = cost, FeeCost = feeCost, FeeCurrency = feeCurrency };
    }

    private static (decimal Cost, string? Currency) AddFee(decimal cost, string? currency, ExecutionFill fill) =>
        fill.FeeCost <= 0m ? (cost, currency)
        : currency is null || currency == fill.FeeCurrency ? (cost + fill.FeeCost, fill.FeeCurrency)
        : (cost, currency);

    private static (decimal Cost, string? Currency) TotalFee(Order venue, string? preferred)
    {
        var fee = venue.Fees.FirstOrDefault(f => f.Currency == preferred) ?? (venue.Fees.Count > 0 ? venue.Fees[0] : null);
        return fee is null ? (0m, null) : (fee.Cost, fee.Currency);
    }
}

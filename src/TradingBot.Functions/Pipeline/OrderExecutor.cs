using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Telemetry;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Places approved orders exactly once and folds every venue report into the order row (service-bus-tables-reliability.md §3).
/// The order row is claimed with AddEntity <b>before</b> the venue is called; whoever loses the claim resumes from the
/// recorded state instead of calling the venue. A timeout or 5xx makes the order <see cref="OrderState.Unknown"/>, never
/// failed: it is looked up by client order id, and only resubmitted (same client order id) once the venue has not seen
/// it for <see cref="PipelineOptions.NotFoundGrace"/>. A venue refusal makes it <see cref="OrderState.Rejected"/>.
/// </summary>
public sealed class OrderExecutor(OrderStore orders, IVenues venues, TimeProvider time, IOptions<PipelineOptions> options, PipelineMetrics metrics,
    ILogger<OrderExecutor> logger)
{
    private const int SaveAttempts = 5;

    /// <summary>ExecuteOrders: claim and submit, or resume a recorded order. Returns every recorded fill and the current status.</summary>
    public async Task<IReadOnlyList<IMessage>> ExecuteAsync(OrderApproved approved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var now = time.GetUtcNow();
        var mode = venues.ModeOf(approved.Venue);
        var order = new TrackedOrder(approved.Id, approved.ClientOrderId, approved.CausationId, approved.CorrelationId, approved.StrategyId,
            approved.Venue, TradingAccounts.For(approved.Venue, mode), mode, approved.Symbol, approved.Side, approved.Type, approved.Amount,
            approved.ReferencePrice, now)
        {
            LimitPrice = approved.LimitPrice,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        var claim = await orders.ClaimAsync(order, ct);
        if (claim.Claimed)
        {
            logger.OrderClaimed(order.OrderId, order.ClientOrderId, order.Venue, order.Account);
            metrics.OrderState(order.Venue, OrderState.Submitting);
            return Messages(await SubmitAsync(claim.Stored, ct));
        }

        var stored = claim.Stored;
        if (Difference(stored.Order, approved) is { } field)
        {
            throw new PoisonMessageException(
                $"order {approved.Id} is already recorded with a different {field}; this message is not the order that was approved.");
        }

        metrics.Duplicate(nameof(Functions.ExecuteOrders));
        logger.OrderResumed(stored.Order.OrderId, stored.Order.State);
        if (stored.Order.State == OrderState.Submitting && !IsStale(stored.Order, now))
        {
            logger.OrderInFlight(stored.Order.OrderId);
            return Messages(stored);
        }

        if (stored.Order.State is OrderState.Submitting or OrderState.Unknown)
        {
            stored = await LookupAsync(stored, ct) ?? stored;
        }

        return Messages(stored);
    }

    /// <summary>ReconcileOrders: brings one open or unknown order up to date with the venue; returns what changed (a finished order: nothing).</summary>
    public async Task<IReadOnlyList<IMessage>> ReconcileAsync(StoredOrder stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = time.GetUtcNow();
        var order = stored.Order;
        if (order.State.IsTerminal())
        {
            // Nothing left to ask the venue; whether its messages took effect is the reconciler's check.
            return [];
        }

        if (order.State == OrderState.Submitting && !IsStale(order, now))
        {
            return [];
        }

        if (await LookupAsync(stored, ct) is { } found)
        {
            return Changes(stored, await TouchAsync(found, now, ct));
        }

        var unseen = now - (order.SubmittedAt ?? order.CreatedAt);
        if (order.State is OrderState.Open or OrderState.PartiallyFilled)
        {
            logger.AcknowledgedOrderMissing(order.OrderId, order.ClientOrderId, order.Venue);
            await TouchAsync(stored, now, ct);
            return [];
        }

        if (unseen < options.Value.NotFoundGrace)
        {
            await TouchAsync(stored, now, ct);
            return [];
        }

        var age = now - order.CreatedAt;
        if (age <= options.Value.MaxResubmitAge && order.Attempt < options.Value.MaxSubmitAttempts)
        {
            logger.OrderResubmitting(order.OrderId, order.Attempt + 1, unseen);
            var resubmission = order with
            {
                State = OrderState.Submitting,
                Attempt = order.Attempt + 1,
                SubmittedAt = now,
                UpdatedAt = now,
                LastReconciledAt = now,
                Reason = $"resubmitted: attempt {order.Attempt} was not found at the venue {unseen.TotalSeconds:0}s after submission",
            };
            var claimed = await orders.SaveAsync(stored, resubmission, [], ct);
            return Changes(stored, await SubmitAsync(claimed, ct));
        }

        var reason = $"never reached the venue: not found {unseen.TotalSeconds:0}s after submission; not resubmitted "
            + (order.Attempt >= options.Value.MaxSubmitAttempts
                ? $"after {order.Attempt} attempts"
                : $"because it was first claimed {age.TotalSeconds:0}s ago (limit {options.Value.MaxResubmitAge.TotalSeconds:0}s)");
        logger.OrderAbandoned(order.OrderId, reason);
        return Changes(stored, await MarkAsync(stored, OrderState.Expired, reason, ct));
    }

    private async Task<StoredOrder> SubmitAsync(StoredOrder stored, CancellationToken ct)
    {
        var order = stored.Order;
        if (order.Mode == TradingMode.Live && venues.ModeOf(order.Venue) != TradingMode.Live)
        {
            return await MarkAsync(stored, OrderState.Rejected,
                $"live trading is not enabled for {order.Venue} (Trading__Venues__{order.Venue}__Mode=Live); nothing was sent", ct);
        }

        Order report;
        try
        {
            var exchange = venues.Trading(order.Venue, order.Mode);
            report = await exchange.CreateOrderAsync(order.ToRequest(), ct);
        }
        catch (DuplicateOrderId)
        {
            logger.OrderOutcomeUnknown(order.OrderId, nameof(DuplicateOrderId));
            return await LookupAsync(stored, ct)
                ?? await MarkAsync(stored, OrderState.Unknown, "the venue reports the client order id as a duplicate but does not find the order", ct);
        }
        catch (ExchangeError ex)
        {
            logger.OrderRejectedByVenue(order.OrderId, ex.GetType().Name, ex.Message);
            return await MarkAsync(stored, OrderState.Rejected, $"{ex.GetType().Name}: {ex.Message}", ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Failures.IsTransient(ex))
        {
            logger.OrderOutcomeUnknown(order.OrderId, ex.GetType().Name);
            var unknown = await MarkAsync(stored, OrderState.Unknown, $"outcome unknown after {ex.GetType().Name}; looked up by client order id before any resubmission", ct);
            try
            {
                return await LookupAsync(unknown, ct) ?? unknown;
            }
            catch (Exception lookup) when (!ct.IsCancellationRequested && Failures.IsTransient(lookup))
            {
                return unknown;
            }
        }

        return await RecordAsync(stored, report, ct);
    }

    /// <summary>The venue's view of the order (by exchange id, then client order id, then our trades), recorded; null when the venue has no such order.</summary>
    private async Task<StoredOrder?> LookupAsync(StoredOrder stored, CancellationToken ct)
    {
        var order = stored.Order;
        var exchange = venues.Trading(order.Venue, order.Mode);
        Order? report = null;
        if (order.ExchangeOrderId is { } id)
        {
            try
            {
                report = await exchange.FetchOrderAsync(id, order.Symbol, ct);
            }
            catch (OrderNotFound)
            {
                report = null;
            }
        }

        report ??= await exchange.FetchOrderByClientOrderIdAsync(order.ClientOrderId, order.Symbol, ct);
        if (report is null && exchange.Has.FetchMyTrades != Capability.No && order.State is OrderState.Submitting or OrderState.Unknown)
        {
            var since = (order.SubmittedAt ?? order.CreatedAt) - TimeSpan.FromMinutes(1);
            var trades = (await exchange.FetchMyTradesAsync(order.Symbol, since, null, ct)).Where(t => t.ClientOrderId == order.ClientOrderId).ToList();
            if (trades.Count > 0)
            {
                var status = trades.Sum(t => t.Amount) >= order.Amount ? OrderStatus.Closed : OrderStatus.Open;
                report = new Order(trades[0].OrderId, order.ClientOrderId, order.Symbol, order.Type, order.Side, status) { Amount = order.Amount, Trades = trades };
            }
        }

        return report is null ? null : await RecordAsync(stored, report, ct);
    }

    /// <summary>Folds a venue report into the row (ETag-checked; a lost race re-reads and folds again).</summary>
    private async Task<StoredOrder> RecordAsync(StoredOrder stored, Order report, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var update = ExecutionProgress.Apply(stored.Order, stored.TradeIds, report, time.GetUtcNow());
            if (!update.Changed(stored.Order))
            {
                return stored;
            }

            try
            {
                var saved = await orders.SaveAsync(stored, update.Order, update.NewFills, ct);
                Observe(stored.Order, saved.Order, update.NewFills);
                return saved;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                stored = await Reload(stored, ct);
            }
        }
    }

    /// <summary>Moves an order that is still submitting or unknown to <paramref name="state"/>; a row someone else moved on is left alone.</summary>
    private async Task<StoredOrder> MarkAsync(StoredOrder stored, OrderState state, string reason, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (stored.Order.State is not (OrderState.Submitting or OrderState.Unknown) || stored.Order.State == state)
            {
                return stored;
            }

            try
            {
                var saved = await orders.SaveAsync(stored, stored.Order with { State = state, Reason = reason, UpdatedAt = time.GetUtcNow() }, [], ct);
                Observe(stored.Order, saved.Order, []);
                return saved;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                stored = await Reload(stored, ct);
            }
        }
    }

    private async Task<StoredOrder> TouchAsync(StoredOrder stored, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await orders.SaveAsync(stored, stored.Order with { LastReconciledAt = now }, [], ct);
        }
        catch (ConcurrencyConflictException)
        {
            return stored;
        }
    }

    private async Task<StoredOrder> Reload(StoredOrder stored, CancellationToken ct) =>
        await orders.GetAsync(stored.Order.Venue, stored.Order.OrderId, ct)
            ?? throw new StoredDataException($"Order {stored.Order.OrderId} disappeared while it was being updated.");

    private void Observe(TrackedOrder before, TrackedOrder after, IReadOnlyList<ExecutionFill> fills)
    {
        if (before.State != after.State)
        {
            metrics.OrderState(after.Venue, after.State);
        }

        foreach (var fill in fills)
        {
            metrics.Fill(after.Venue, after.Symbol.ToString(), after.Side.ToString());
        }

        logger.OrderRecorded(after.OrderId, after.State, after.Filled, after.Amount, fills.Count);
    }

    private bool IsStale(TrackedOrder order, DateTimeOffset now) => now - (order.SubmittedAt ?? order.CreatedAt) >= options.Value.ClaimGrace;

    /// <summary>Every recorded execution and the current status (a status message only once the venue was called).</summary>
    private static List<IMessage> Messages(StoredOrder stored)
    {
        var messages = new List<IMessage>(stored.Fills.Select(f => OrderFilled.For(stored.Order, f)));
        if (stored.Order.State != OrderState.Submitting)
        {
            messages.Add(OrderUpdated.For(stored.Order));
        }

        return messages;
    }

    /// <summary>The executions added since <paramref name="before"/>, and the status when anything changed.</summary>
    private static List<IMessage> Changes(StoredOrder before, StoredOrder after)
    {
        var messages = new List<IMessage>(after.Fills.Where(f => !before.TradeIds.Contains(f.TradeId)).Select(f => OrderFilled.For(after.Order, f)));
        if (messages.Count > 0 || before.Order.State != after.Order.State)
        {
            messages.Add(OrderUpdated.For(after.Order));
        }

        return messages;
    }

    private static string? Difference(TrackedOrder recorded, OrderApproved approved) =>
        recorded.ClientOrderId != approved.ClientOrderId ? "client order id"
        : recorded.StrategyId != approved.StrategyId ? "strategy"
        : recorded.Symbol != approved.Symbol ? "symbol"
        : recorded.Side != approved.Side ? "side"
        : recorded.Type != approved.Type ? "order type"
        : recorded.Amount != approved.Amount ? "amount"
        : recorded.LimitPrice != approved.LimitPrice ? "limit price"
        : null;
}

using Microsoft.Extensions.Options;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Risk;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// The ReconcileOrders run: every order in the open index (claimed, open, partially filled, unknown, and finished ones
/// not yet confirmed downstream) is brought up to date with its venue by client order id; missing fills and status
/// changes are returned for the fills topic. A timer has no redelivery, so the run that saved executions may die or
/// lose its output before they are published: recorded executions without a ledger marker, and the final status of a
/// finished order the risk book still holds, are published again (same message ids; both consumers deduplicate) once
/// the order has not changed for <see cref="PipelineOptions.RepublishGrace"/>. A finished order leaves the index only
/// when all of its executions reached the ledger and risk has released it. An order whose venue or storage fails, or
/// whose stored row cannot be read, is skipped this run (logged) and retried on the next; the other orders' messages
/// are still returned.
/// </summary>
public sealed class OrderReconciler(OrderStore orders, OrderExecutor executor, LedgerStore ledger, RiskStateStore risk, TimeProvider time,
    IOptions<PipelineOptions> options, ILogger<OrderReconciler> logger)
{
    public async Task<IReadOnlyList<IMessage>> RunAsync(CancellationToken ct)
    {
        var messages = new List<IMessage>();
        var books = new Dictionary<string, RiskBook?>(StringComparer.Ordinal);
        foreach (var open in await orders.ListOpenAsync(ct))
        {
            using var scope = logger.BeginScope(new Invocation.InvocationScope([new("OrderId", open.OrderId), new("Venue", open.Venue)]));
            try
            {
                var stored = await orders.GetAsync(open.Venue, open.OrderId, ct);
                if (stored is null)
                {
                    // Index entries are written just before the claim; one without an order is a claim that never happened.
                    if (time.GetUtcNow() - open.IndexedAt > TimeSpan.FromMinutes(5))
                    {
                        await orders.RemoveOpenAsync(open.Venue, open.OrderId, ct);
                    }

                    continue;
                }

                var order = stored.Order;
                var settled = time.GetUtcNow() - order.UpdatedAt >= options.Value.RepublishGrace;
                var undelivered = order.State.IsTerminal() || (settled && stored.Fills.Count > 0)
                    ? await UndeliveredAsync(stored, books, ct)
                    : [];
                if (order.State.IsTerminal() && undelivered.Count == 0)
                {
                    await orders.RemoveOpenAsync(order.Venue, order.OrderId, ct);
                    continue;
                }

                if (settled && undelivered.Count > 0)
                {
                    logger.OrderRepublished(order.OrderId, undelivered.Count, order.UpdatedAt);
                    messages.AddRange(undelivered);
                }

                if (!order.State.IsTerminal())
                {
                    messages.AddRange((await executor.ReconcileAsync(stored, ct)).Where(m => !undelivered.Any(u => u.Id == m.Id)));
                }
            }
#pragma warning disable CA1031 // One order that cannot be reconciled (venue down, an unreadable row) must not cost the others' fills this run.
            catch (Exception ex) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.ReconcileFailed(ex, open.OrderId, ex.GetType().Name);
            }
        }

        return messages;
    }

    /// <summary>
    /// What was recorded for the order but has not taken effect downstream: executions whose fill id has no ledger
    /// marker, and for a finished order its final status while the risk book still holds the order (or whenever an
    /// execution is re-published, so that risk sees the finished order after its fills). Ids are the original ones.
    /// </summary>
    private async Task<List<IMessage>> UndeliveredAsync(StoredOrder stored, Dictionary<string, RiskBook?> books, CancellationToken ct)
    {
        var order = stored.Order;
        var fills = stored.Fills.Select(f => OrderFilled.For(order, f)).ToList();
        var unapplied = (await ledger.UnappliedAsync(order.Account, fills.Select(f => f.Id), ct)).ToHashSet(StringComparer.Ordinal);
        var messages = new List<IMessage>(fills.Where(f => unapplied.Contains(f.Id)));
        if (order.State.IsTerminal() && (messages.Count > 0 || await RiskHoldsAsync(order, books, ct)))
        {
            messages.Add(OrderUpdated.For(order));
        }

        return messages;
    }

    private async Task<bool> RiskHoldsAsync(TrackedOrder order, Dictionary<string, RiskBook?> books, CancellationToken ct)
    {
        if (!books.TryGetValue(order.Account, out var book))
        {
            book = await risk.GetAsync(order.Account, ct);
            books[order.Account] = book;
        }

        return book?.Pending.ContainsKey(order.OrderId) == true;
    }
}

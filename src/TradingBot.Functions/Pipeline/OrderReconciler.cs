using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Storage.Orders;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// The ReconcileOrders run: every order in the open index (claimed, open, partially filled, unknown) is brought up to
/// date with its venue by client order id; missing fills and status changes are returned for the fills topic. An
/// order whose venue or storage fails, or whose stored row cannot be read, is skipped this run (logged) and retried on
/// the next; the other orders' changes are still returned.
/// </summary>
public sealed class OrderReconciler(OrderStore orders, OrderExecutor executor, TimeProvider time, ILogger<OrderReconciler> logger)
{
    public async Task<IReadOnlyList<IMessage>> RunAsync(CancellationToken ct)
    {
        var messages = new List<IMessage>();
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

                messages.AddRange(await executor.ReconcileAsync(stored, ct));
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
}

using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Tells risk how its approved orders ended (RecordFills, on each final <see cref="OrderUpdated"/>): the reservation is
/// released; a filled entry sets the position's protective levels from its average fill price
/// (<see cref="RiskGate.OnEntryFilled"/>); a filled exit closes the position (cooldown, StoplossGuard). ETag-checked
/// (starting from the book this instance last saw: one read fewer per order); applying the same final update twice
/// changes nothing (the reservation is gone after the first).
/// </summary>
public sealed class RiskBookkeeper(RiskStateStore books)
{
    private const int Attempts = 6;

    public async Task<bool> OnOrderFinishedAsync(OrderUpdated update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.State.IsTerminal())
        {
            return false;
        }

        using var bookLock = await books.LockAsync(update.Account, ct);
        for (var attempt = 1; ; attempt++)
        {
            // First the book this instance last saw (the save is ETag-checked, so a stale one loses the race and the next
            // attempt reads the stored book); "nothing reserved" is only believed of the stored book.
            var book = attempt == 1 ? await books.GetRecentAsync(update.Account, TimeSpan.MaxValue, ct) : await books.GetAsync(update.Account, ct);
            if (book is null || !book.Pending.TryGetValue(update.OrderId, out var pending))
            {
                if (attempt == 1)
                {
                    continue;
                }

                return false;
            }

            IReadOnlyList<RiskEvent> events = update.Filled <= 0m ? []
                : pending.Purpose == RiskOrderPurpose.Entry
                    ? RiskGate.OnEntryFilled(
                        new RiskOrder(pending.Order.StrategyId, update.Symbol, update.Side, update.Filled, pending.Order.ReferencePrice, RiskOrderPurpose.Entry)
                        {
                            Exits = pending.Exits,
                        },
                        update.AveragePrice ?? pending.Order.ReferencePrice,
                        update.At)
                    : [new PositionClosed(update.At, update.Symbol, pending.StopOut)];
            try
            {
                await books.SaveAsync(book with { State = book.State.Apply(events), Pending = book.Pending.Remove(update.OrderId) }, ct);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another writer changed the book: re-read and apply again.
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;

namespace TradingBot.Exchanges;

/// <summary>
/// Places an order at most once. When the placing call ends without a definite answer (timeout, 5xx, transport
/// failure, unreadable answer: the order may or may not exist), the order is looked up by its client order id, never
/// resent: if the venue has it, that order is the result; otherwise the original network error is rethrown (its
/// message says the outcome is unknown) and the caller reconciles later by client order id.
/// </summary>
internal static class OrderPlacement
{
    /// <summary>How far back an order whose create call had an unknown outcome is searched (it was placed just now).</summary>
    public static readonly TimeSpan ReconcileLookback = TimeSpan.FromHours(1);

    public static async Task<Order> PlaceOnceAsync(string venue, ILogger logger, CreateOrderRequest order, Func<Task<Order>> place,
        Func<Task<Order?>> findByClientOrderId)
    {
        try
        {
            return await place();
        }
        catch (OperationFailed ex) when (ex is RequestTimeout or ExchangeNotAvailable or BadResponse)
        {
            logger.OrderOutcomeUnknown(venue, order.ClientOrderId, ex.GetType().Name);
            var existing = await TryFindAsync(findByClientOrderId);
            if (existing is null)
            {
                throw;
            }

            logger.OrderAdopted(venue, order.ClientOrderId, existing.Id);
            return existing;
        }
    }

    /// <summary>The lookup's answer, or null when it fails too (the caller then keeps its original error).</summary>
    public static async Task<Order?> TryFindAsync(Func<Task<Order?>> findByClientOrderId)
    {
        try
        {
            return await findByClientOrderId();
        }
        catch (BaseError)
        {
            return null;
        }
    }
}

using TradingBot.Core.Exchange;

namespace TradingBot.Core.Exchange;

/// <summary>
/// Persistence of one paper account: balances, orders (by id and by client order id) and trades. Every change is one
/// <see cref="CommitAsync"/> (balances + the order + its new trades together), so a store can make it atomic
/// (e.g. one Table Storage batch in the account's partition).
/// </summary>
public interface IPaperAccountStore
{
    /// <summary>The balances, or null when the account was never initialised.</summary>
    Task<IReadOnlyDictionary<string, CurrencyBalance>?> GetBalancesAsync(CancellationToken ct);

    Task<Order?> GetOrderAsync(string id, CancellationToken ct);

    Task<Order?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct);

    Task<IReadOnlyList<Order>> GetOpenOrdersAsync(CancellationToken ct);

    Task<IReadOnlyList<Trade>> GetTradesAsync(CancellationToken ct);

    /// <summary>The next order number (1, 2, ...), never handed out twice.</summary>
    Task<long> NextOrderNumberAsync(CancellationToken ct);

    /// <summary>Saves balances and, when given, upserts the order and appends its new trades.</summary>
    Task CommitAsync(IReadOnlyDictionary<string, CurrencyBalance> balances, Order? order, IReadOnlyList<Trade> newTrades, CancellationToken ct);
}

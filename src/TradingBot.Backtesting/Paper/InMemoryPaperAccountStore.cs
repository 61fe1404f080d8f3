using TradingBot.Core.Exchange;

namespace TradingBot.Backtesting.Paper;

/// <summary>An <see cref="IPaperAccountStore"/> in process memory (tests, the CLI, the local demo).</summary>
public sealed class InMemoryPaperAccountStore : IPaperAccountStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByClientOrderId = new(StringComparer.Ordinal);
    private readonly List<Trade> _trades = [];
    private Dictionary<string, CurrencyBalance>? _balances;
    private long _orderNumber;

    public Task<IReadOnlyDictionary<string, CurrencyBalance>?> GetBalancesAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, CurrencyBalance>?>(_balances is null ? null : new Dictionary<string, CurrencyBalance>(_balances));
        }
    }

    public Task<Order?> GetOrderAsync(string id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_orders.GetValueOrDefault(id));
        }
    }

    public Task<Order?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_idsByClientOrderId.TryGetValue(clientOrderId, out var id) ? _orders[id] : null);
        }
    }

    public Task<IReadOnlyList<Order>> GetOpenOrdersAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(o => o.Status == OrderStatus.Open).OrderBy(o => o.Timestamp).ThenBy(o => o.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<Trade>> GetTradesAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Trade>>([.. _trades]);
        }
    }

    public Task<long> NextOrderNumberAsync(CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref _orderNumber));

    public Task CommitAsync(IReadOnlyDictionary<string, CurrencyBalance> balances, Order? order, IReadOnlyList<Trade> newTrades, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(newTrades);
        lock (_lock)
        {
            _balances = new Dictionary<string, CurrencyBalance>(balances, StringComparer.Ordinal);
            if (order is not null)
            {
                _orders[order.Id] = order;
                _idsByClientOrderId[order.ClientOrderId] = order.Id;
            }

            _trades.AddRange(newTrades);
        }

        return Task.CompletedTask;
    }
}

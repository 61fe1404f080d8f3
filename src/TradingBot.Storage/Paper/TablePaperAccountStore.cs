using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Exchange;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Paper;

/// <summary>
/// A paper account in table <c>PaperAccounts</c>, one partition per account (<c>PK = paper-binance</c>):
/// <c>RK = balances</c> (JSON), <c>sequence</c> (the last order number reserved), <c>order|id</c> (the order as JSON, with
/// <c>IsOpen</c>), <c>client|client order id</c> (pointer to the order id), <c>trade|order id|trade id</c>. Every
/// commit is one entity-group transaction (balances, order, pointer, new trades together). The balances row is
/// written with the ETag it was read with, so two instances trading the same account cannot lose an update: the
/// loser gets a <see cref="ConcurrencyConflictException"/> (transient: the order is looked up by client order id).
/// <para>
/// With a <paramref name="cacheLifetime"/>, the balances and the open orders this process last read or committed are
/// answered from memory for that long (every paper call asks for both: a risk decision's balance, an order's placement).
/// Nothing is lost by it: a commit still carries the balances' ETag, so a commit based on balances another instance has
/// changed since fails as a conflict (and forgets what was remembered); another instance's orders and fills are seen
/// within the lifetime. Orders and trades looked up by id or client order id are always read.
/// </para>
/// </summary>
public sealed class TablePaperAccountStore(TableClients tables, string account, TimeProvider? time = null, TimeSpan cacheLifetime = default)
    : IPaperAccountStore
{
    private const string BalancesKey = "balances";
    private const string SequenceKey = "sequence";
    private readonly string _partition = TableKeys.Escape(account);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    /// <summary>Order numbers are reserved this many at a time (one read and one write per block, not per order).</summary>
    private const long NumberBlock = 50;
    private readonly Lock _numbers = new();
    private readonly RecentValue<BalancesRow?> _balances = new();
    private readonly RecentValue<IReadOnlyList<Order>> _open = new();
    private ETag? _balancesVersion;
    private bool _balancesExist;
    private long _lastNumber;
    private long _reservedUpTo;

    public async Task<IReadOnlyDictionary<string, CurrencyBalance>?> GetBalancesAsync(CancellationToken ct)
    {
        var row = await _balances.GetAsync(_time, cacheLifetime, () => ReadBalancesAsync(ct));
        _balancesExist = row is not null;
        _balancesVersion = row?.Version;
        return row?.Balances;
    }

    private async Task<BalancesRow?> ReadBalancesAsync(CancellationToken ct) =>
        await FindAsync(BalancesKey, ct) is { } row
            ? new BalancesRow(StorageJson.Read<Dictionary<string, CurrencyBalance>>(row, "Balances"), row.ETag)
            : null;

    public async Task<Order?> GetOrderAsync(string id, CancellationToken ct) =>
        await FindAsync(OrderKey(id), ct) is { } row ? StorageJson.Read<Order>(row, "Order") : null;

    public async Task<Order?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct) =>
        await FindAsync(ClientKey(clientOrderId), ct) is { } pointer ? await GetOrderAsync(pointer.GetText("OrderId"), ct) : null;

    public Task<IReadOnlyList<Order>> GetOpenOrdersAsync(CancellationToken ct) => _open.GetAsync(_time, cacheLifetime, () => ReadOpenOrdersAsync(ct));

    private async Task<IReadOnlyList<Order>> ReadOpenOrdersAsync(CancellationToken ct)
    {
        // Filtered by the service: every paper call that matches limit orders asks, and closed orders pile up.
        var orders = await (await tables.GetAsync(TableNames.PaperAccounts, ct)).PrefixAsync(_partition, "order|", "IsOpen eq true", ct);
        return Sorted(orders.Where(r => r.GetBoolean("IsOpen") == true).Select(r => StorageJson.Read<Order>(r, "Order")));
    }

    private static IReadOnlyList<Order> Sorted(IEnumerable<Order> orders) =>
        [.. orders.OrderBy(o => o.Timestamp).ThenBy(o => o.Id, StringComparer.Ordinal)];

    /// <summary>The open orders after <paramref name="order"/> was committed: it replaces its earlier state, and stays only while open.</summary>
    private static IReadOnlyList<Order> WithCommitted(IReadOnlyList<Order> open, Order order) =>
        Sorted([.. open.Where(o => o.Id != order.Id), .. order.Status == OrderStatus.Open ? [order] : Array.Empty<Order>()]);

    public async Task<IReadOnlyList<Trade>> GetTradesAsync(CancellationToken ct) =>
        [.. (await RangeAsync("trade|", ct)).Select(r => StorageJson.Read<Trade>(r, "Trade")).OrderBy(t => t.Timestamp).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The next order number of this account, never handed out twice across instances and restarts: each instance
    /// reserves a block of <see cref="NumberBlock"/> numbers with an ETag-checked write and hands them out in order (a
    /// restart leaves the rest of its block unused, so numbers can skip).
    /// </summary>
    public async Task<long> NextOrderNumberAsync(CancellationToken ct)
    {
        lock (_numbers)
        {
            if (_lastNumber < _reservedUpTo)
            {
                return ++_lastNumber;
            }
        }

        var (before, last) = await ReserveAsync(ct);
        lock (_numbers)
        {
            // Two callers that reserved at once each got a block of their own; the one adopted last is used on.
            (_lastNumber, _reservedUpTo) = (before + 1, last);
            return _lastNumber;
        }
    }

    /// <summary>Reserves the next block: returns (last number before it, last number in it).</summary>
    private async Task<(long Before, long Last)> ReserveAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.PaperAccounts, ct);
        for (var attempt = 1; ; attempt++)
        {
            var row = await FindAsync(SequenceKey, ct);
            var before = row?.GetInt64("Next") ?? 0L;
            var entity = new TableEntity(_partition, SequenceKey) { ["Next"] = before + NumberBlock };
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(entity, ct);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, ct);
                }

                return (before, before + NumberBlock);
            }
            catch (RequestFailedException ex) when (ex.IsRace() && attempt < 50)
            {
                // Another instance reserved this block: read and try the next one.
            }
        }
    }

    public async Task CommitAsync(IReadOnlyDictionary<string, CurrencyBalance> balances, Order? order, IReadOnlyList<Trade> newTrades, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(newTrades);
        var table = await tables.GetAsync(TableNames.PaperAccounts, ct);
        var balanceRow = new TableEntity(_partition, BalancesKey) { ["Balances"] = StorageJson.Write(balances), ["Account"] = account };
        var actions = new List<TableTransactionAction>
        {
            _balancesVersion is { } version
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, balanceRow, version)
                : new TableTransactionAction(_balancesExist ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, balanceRow),
        };
        if (order is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(_partition, OrderKey(order.Id))
            {
                ["Order"] = StorageJson.Write(order),
                ["ClientOrderId"] = order.ClientOrderId,
                ["IsOpen"] = order.Status == OrderStatus.Open,
            }));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(_partition, ClientKey(order.ClientOrderId)) { ["OrderId"] = order.Id }));
        }

        actions.AddRange(newTrades.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(_partition, "trade|" + TableKeys.Compose(t.OrderId, t.Id)) { ["Trade"] = StorageJson.Write(t) })));
        var at = _time.GetUtcNow();
        try
        {
            var response = await table.SubmitTransactionAsync(actions, ct);
            _balancesVersion = response.Value[0].Headers.ETag;
            _balancesExist = true;
            if (_balancesVersion is { } written)
            {
                _balances.Written(new BalancesRow(new Dictionary<string, CurrencyBalance>(balances, StringComparer.Ordinal), written), at);
            }
            else
            {
                _balances.Changed();
            }

            if (order is not null)
            {
                _open.Update(open => WithCommitted(open, order));
            }
        }
        catch (RequestFailedException ex) when (ex.IsRace())
        {
            _balancesVersion = null;
            Forget();
            throw new ConcurrencyConflictException($"Paper account {account} changed in another instance (HTTP {ex.Status}).", ex);
        }
        catch
        {
            Forget(); // the outcome is unknown
            throw;
        }
    }

    private void Forget()
    {
        _balances.Changed();
        _open.Changed();
    }

    private sealed record BalancesRow(IReadOnlyDictionary<string, CurrencyBalance> Balances, ETag Version);

    private static string OrderKey(string id) => "order|" + TableKeys.Escape(id);

    private static string ClientKey(string clientOrderId) => "client|" + TableKeys.Escape(clientOrderId);

    private async Task<TableEntity?> FindAsync(string rowKey, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.PaperAccounts, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(_partition, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private async Task<List<TableEntity>> RangeAsync(string prefix, CancellationToken ct) =>
        await (await tables.GetAsync(TableNames.PaperAccounts, ct)).PrefixAsync(_partition, prefix, ct);
}

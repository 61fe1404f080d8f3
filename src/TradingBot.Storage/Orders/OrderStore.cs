using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Orders;

/// <summary>
/// The order state machine and its executions, in table <c>Orders</c>:
/// <list type="bullet">
/// <item><c>PK = venue</c>, <c>RK = order id</c>: the order (state, attempt, exchange order id, cumulative figures).</item>
/// <item><c>PK = venue</c>, <c>RK = order id|fill|trade id</c>: one execution, keyed by the venue's trade id, so an
/// execution is recorded once however often it is reported. Written in the same entity-group transaction as the
/// order row's ETag-checked update, so state and executions never disagree.</item>
/// <item><c>PK = ~open</c>, <c>RK = venue|order id</c>: the reconciler's worklist: every order that is not terminal, and
/// a terminal one until the reconciler has seen all its executions reach the ledger (<see cref="RemoveOpenAsync"/>).</item>
/// </list>
/// Claiming is <c>AddEntity</c> of the order row: the second claimant gets 409 and the recorded state instead.
/// </summary>
public sealed class OrderStore(TableClients tables)
{
    public const string OpenPartition = "~open";
    private const string FillMarker = "|fill|";

    /// <summary>An entity-group transaction holds 100 actions: the order row and up to 99 executions.</summary>
    private const int MaxFillsPerTransaction = 99;

    /// <summary>Creates the order row (and its open-index entry) unless it exists; then returns the recorded order instead.</summary>
    public async Task<OrderClaim> ClaimAsync(TrackedOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var table = await tables.GetAsync(TableNames.Orders, ct);
        await table.UpsertEntityAsync(OpenEntry(order.Venue, order.OrderId, order.CreatedAt), TableUpdateMode.Replace, ct);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(order), ct);
            return new OrderClaim(true, new StoredOrder(order, response.Headers.ETag ?? default, []));
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            // A terminal order stays indexed: only the reconciler removes it, once its executions reached the ledger.
            var existing = await GetAsync(order.Venue, order.OrderId, ct)
                ?? throw new StoredDataException($"Order {order.OrderId} conflicted on claim but cannot be read.", ex);
            return new OrderClaim(false, existing);
        }
    }

    public async Task<StoredOrder?> GetAsync(string venue, string orderId, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Orders, ct);
        var partition = TableKeys.Escape(venue);
        var key = TableKeys.Escape(orderId);
        var high = key + "|~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {key} and RowKey lt {high}");
        TableEntity? orderRow = null;
        var fills = new List<ExecutionFill>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey == key)
            {
                orderRow = row;
            }
            else if (row.RowKey.StartsWith(key + FillMarker, StringComparison.Ordinal))
            {
                fills.Add(ToFill(row));
            }
        }

        return orderRow is null ? null : new StoredOrder(ToOrder(orderRow), orderRow.ETag, [.. fills.OrderBy(f => f.Timestamp).ThenBy(f => f.TradeId, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Writes <paramref name="order"/> over <paramref name="previous"/> (ETag-checked) together with
    /// <paramref name="newFills"/>; a lost race is a <see cref="ConcurrencyConflictException"/> (re-read and retry).
    /// A terminal order stays in the open index: its executions may not have reached the ledger yet (the publishing run
    /// can still die); the reconciler removes it once they have.
    /// </summary>
    public async Task<StoredOrder> SaveAsync(StoredOrder previous, TrackedOrder order, IReadOnlyList<ExecutionFill> newFills, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(newFills);
        var table = await tables.GetAsync(TableNames.Orders, ct);
        var partition = TableKeys.Escape(order.Venue);
        ETag etag = previous.ETag;
        try
        {
            // At most 99 executions per transaction, each with the ETag-checked order row advanced by exactly the
            // executions it adds: whatever commits, the row's cumulative figures equal the sum of the stored
            // executions, so a failure between transactions leaves a consistent, smaller step (a retry folds the
            // rest) instead of executions the row does not count (which a reload would count a second time).
            ExecutionFill[][] chunks = newFills.Count == 0 ? [[]] : [.. newFills.Chunk(MaxFillsPerTransaction)];
            var step = previous.Order;
            foreach (var fills in chunks)
            {
                step = fills == chunks[^1] ? order : ExecutionProgress.Accumulate(
                    order with
                    {
                        State = previous.Order.State,
                        Reason = previous.Order.Reason,
                        Filled = step.Filled,
                        Cost = step.Cost,
                        FeeCost = step.FeeCost,
                        FeeCurrency = step.FeeCurrency,
                    },
                    fills);
                var response = await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(step), etag),
                        .. fills.Select(f => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, order, f)))],
                    ct);
                etag = response.Value[0].Headers.ETag ?? default;
            }
        }
        catch (RequestFailedException ex) when (ex.IsRace())
        {
            throw new ConcurrencyConflictException($"Order {order.OrderId} was changed by another writer (HTTP {ex.Status}).", ex);
        }

        return new StoredOrder(order, etag, [.. previous.Fills, .. newFills]);
    }

    /// <summary>The open-orders index (the reconciler's worklist).</summary>
    public async Task<IReadOnlyList<OpenOrderRef>> ListOpenAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Orders, ct);
        var open = new List<OpenOrderRef>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), cancellationToken: ct))
        {
            open.Add(new OpenOrderRef(row.GetText("Venue"), row.GetText("OrderId"), row.GetTimeOrNull("IndexedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue));
        }

        return open;
    }

    /// <summary>Drops an order from the reconciler's worklist (a terminal order whose executions all reached the ledger).</summary>
    public async Task RemoveOpenAsync(string venue, string orderId, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Orders, ct);
        try
        {
            await table.DeleteEntityAsync(OpenPartition, TableKeys.Compose(venue, orderId), ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            // Already gone: another writer removed it.
        }
    }

    /// <summary>Every order of a venue (not its executions), oldest first.</summary>
    public async Task<IReadOnlyList<TrackedOrder>> ListAsync(string venue, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Orders, ct);
        var partition = TableKeys.Escape(venue);
        var orders = new List<TrackedOrder>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            if (!row.RowKey.Contains(TableKeys.Separator, StringComparison.Ordinal))
            {
                orders.Add(ToOrder(row));
            }
        }

        return [.. orders.OrderBy(o => o.CreatedAt)];
    }

    /// <summary>
    /// One page of orders (not their executions) matching <paramref name="filter"/>, in storage order (venue, then
    /// order id). Order rows are told from fill rows by their <c>CreatedAt</c> column.
    /// </summary>
    public async Task<TablePage<TrackedOrder>> QueryAsync(OrderFilter filter, string? continuationToken, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var clauses = new List<string>
        {
            Partition(filter.Venue),
            TableClient.CreateQueryFilter($"CreatedAt ge {filter.From ?? DateTimeOffset.MinValue}"),
        };
        if (filter.To is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt le {to}"));
        }

        if (filter.Symbol is { } symbol)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Symbol eq {symbol.ToString()}"));
        }

        if (filter.States.Count > 0)
        {
            clauses.Add("(" + string.Join(" or ", filter.States.Select(s => TableClient.CreateQueryFilter($"State eq {s.ToString()}"))) + ")");
        }

        var page = await (await tables.GetAsync(TableNames.Orders, ct)).PageAsync(string.Join(" and ", clauses), continuationToken, pageSize, ct);
        return new TablePage<TrackedOrder>([.. page.Items.Select(ToOrder)], page.ContinuationToken);
    }

    /// <summary>One page of executions matching <paramref name="filter"/> (fill rows are told from order rows by their <c>ExecutedAt</c> column).</summary>
    public async Task<TablePage<StoredFill>> QueryFillsAsync(FillFilter filter, string? continuationToken, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = await (await tables.GetAsync(TableNames.Orders, ct)).PageAsync(FillQuery(filter), continuationToken, pageSize, ct);
        return new TablePage<StoredFill>([.. page.Items.Select(ToStoredFill)], page.ContinuationToken);
    }

    /// <summary>Every execution matching <paramref name="filter"/>, oldest first (for bounded windows: an account's equity history).</summary>
    public async Task<IReadOnlyList<StoredFill>> ListFillsAsync(FillFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await tables.GetAsync(TableNames.Orders, ct);
        var fills = new List<StoredFill>();
        await foreach (var row in table.QueryAsync<TableEntity>(FillQuery(filter), cancellationToken: ct))
        {
            fills.Add(ToStoredFill(row));
        }

        return [.. fills.OrderBy(f => f.Fill.Timestamp).ThenBy(f => f.Fill.TradeId, StringComparer.Ordinal)];
    }

    private static string FillQuery(FillFilter filter)
    {
        var clauses = new List<string>
        {
            Partition(filter.Venue),
            TableClient.CreateQueryFilter($"ExecutedAt ge {filter.From ?? DateTimeOffset.MinValue}"),
        };
        if (filter.To is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ExecutedAt le {to}"));
        }

        if (filter.Account is { } account)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Account eq {account}"));
        }

        if (filter.Symbol is { } symbol)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Symbol eq {symbol.ToString()}"));
        }

        if (filter.OrderId is { } orderId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"OrderId eq {orderId}"));
        }

        return string.Join(" and ", clauses);
    }

    private static string Partition(string? venue) => venue is null
        ? TableClient.CreateQueryFilter($"PartitionKey ne {OpenPartition}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(venue)}");

    private static StoredFill ToStoredFill(TableEntity row) =>
        new(row.GetText("OrderId"), row.GetText("Venue"), row.GetText("Account"), row.GetText("StrategyId"), Symbol.Parse(row.GetText("Symbol")),
            row.GetEnum<OrderSide>("Side"), ToFill(row));

    private static TableEntity OpenEntry(string venue, string orderId, DateTimeOffset at) =>
        new(OpenPartition, TableKeys.Compose(venue, orderId)) { ["Venue"] = venue, ["OrderId"] = orderId, ["IndexedAt"] = at };

    private static TableEntity ToEntity(TrackedOrder order)
    {
        var row = new TableEntity(TableKeys.Escape(order.Venue), TableKeys.Escape(order.OrderId))
        {
            ["ClientOrderId"] = order.ClientOrderId,
            ["SignalId"] = order.SignalId,
            ["CorrelationId"] = order.CorrelationId,
            ["StrategyId"] = order.StrategyId,
            ["Venue"] = order.Venue,
            ["Account"] = order.Account,
            ["Mode"] = order.Mode.ToString(),
            ["Symbol"] = order.Symbol.ToString(),
            ["Side"] = order.Side.ToString(),
            ["Type"] = order.Type.ToString(),
            ["State"] = order.State.ToString(),
            ["IsOpen"] = !order.State.IsTerminal(),
            ["ExchangeOrderId"] = order.ExchangeOrderId,
            ["FeeCurrency"] = order.FeeCurrency,
            ["Attempt"] = order.Attempt,
            ["CreatedAt"] = order.CreatedAt,
            ["SubmittedAt"] = order.SubmittedAt,
            ["UpdatedAt"] = order.UpdatedAt,
            ["LastReconciledAt"] = order.LastReconciledAt,
            ["Reason"] = order.Reason,
        };
        row.SetDecimal("Amount", order.Amount);
        row.SetDecimal("ReferencePrice", order.ReferencePrice);
        row.SetDecimal("LimitPrice", order.LimitPrice);
        row.SetDecimal("Filled", order.Filled);
        row.SetDecimal("Cost", order.Cost);
        row.SetDecimal("FeeCost", order.FeeCost);
        return row;
    }

    private static TrackedOrder ToOrder(TableEntity row) =>
        new(TableKeys.Unescape(row.RowKey), row.GetText("ClientOrderId"), row.GetText("SignalId"), row.GetText("CorrelationId"),
            row.GetText("StrategyId"), row.GetText("Venue"), row.GetText("Account"), row.GetEnum<TradingMode>("Mode"),
            Symbol.Parse(row.GetText("Symbol")), row.GetEnum<OrderSide>("Side"), row.GetEnum<OrderType>("Type"), row.GetDecimal("Amount"),
            row.GetDecimal("ReferencePrice"), row.GetTime("CreatedAt"))
        {
            LimitPrice = row.GetDecimalOrNull("LimitPrice"),
            State = row.GetEnum<OrderState>("State"),
            ExchangeOrderId = row.GetString("ExchangeOrderId"),
            Filled = row.GetDecimal("Filled"),
            Cost = row.GetDecimal("Cost"),
            FeeCost = row.GetDecimal("FeeCost"),
            FeeCurrency = row.GetString("FeeCurrency"),
            Attempt = row.GetInt32("Attempt") ?? 1,
            SubmittedAt = row.GetTimeOrNull("SubmittedAt"),
            UpdatedAt = row.GetTime("UpdatedAt"),
            LastReconciledAt = row.GetTimeOrNull("LastReconciledAt"),
            Reason = row.GetString("Reason"),
        };

    /// <summary>A fill row carries its order's account, symbol, side and strategy too, so executions can be listed without joining orders.</summary>
    private static TableEntity ToEntity(string partition, TrackedOrder order, ExecutionFill fill)
    {
        var row = new TableEntity(partition, TableKeys.Escape(order.OrderId) + FillMarker + TableKeys.Escape(fill.TradeId))
        {
            ["OrderId"] = order.OrderId,
            ["Venue"] = order.Venue,
            ["Account"] = order.Account,
            ["Symbol"] = order.Symbol.ToString(),
            ["Side"] = order.Side.ToString(),
            ["StrategyId"] = order.StrategyId,
            ["TradeId"] = fill.TradeId,
            ["FeeCurrency"] = fill.FeeCurrency,
            ["ExecutedAt"] = fill.Timestamp,
            ["TakerOrMaker"] = fill.TakerOrMaker,
        };
        row.SetDecimal("Price", fill.Price);
        row.SetDecimal("Amount", fill.Amount);
        row.SetDecimal("FeeCost", fill.FeeCost);
        return row;
    }

    private static ExecutionFill ToFill(TableEntity row) =>
        new(row.GetText("TradeId"), row.GetDecimal("Price"), row.GetDecimal("Amount"), row.GetDecimal("FeeCost"), row.GetString("FeeCurrency"),
            row.GetTime("ExecutedAt"))
        {
            TakerOrMaker = row.GetString("TakerOrMaker"),
        };
}

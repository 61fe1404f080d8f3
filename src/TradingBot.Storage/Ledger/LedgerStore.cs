using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Portfolio;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Ledger;

/// <summary>
/// Positions, balances and applied-fill markers of an account, all in one partition of table <c>Ledger</c>
/// (<c>PK = account</c>): <c>RK = pos|BTC-USDT</c> (one position per symbol, as risk sees it; the row remembers
/// the strategy of its last fill), <c>bal|USDT</c>, <c>fill|fill id</c>. A fill is applied in
/// one entity-group transaction that adds its marker (409 = already applied) and updates the position and balances
/// with their ETags (412 = someone else moved them: re-read and retry). So each fill counts exactly once.
/// </summary>
public sealed class LedgerStore(TableClients tables, PartitionLocks locks, TimeProvider? time = null)
{
    private const int MaxAttempts = 8;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, RecentValue<IReadOnlyList<Position>>> _positions = new(StringComparer.Ordinal);

    public async Task<FillApplication> ApplyAsync(OrderFilled fill, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var table = await tables.GetAsync(TableNames.Ledger, ct);
        var partition = TableKeys.Escape(fill.Account);
        using var gate = await locks.AcquireAsync(TableNames.Ledger + "/" + partition, ct);
        using var changed = new PositionsChanged(Positions(fill.Account)); // whatever happens below
        for (var attempt = 1; ; attempt++)
        {
            if ((await table.GetEntityIfExistsAsync<TableEntity>(partition, MarkerKey(fill.Id), cancellationToken: ct)).HasValue)
            {
                return FillApplication.AlreadyApplied;
            }

            var positionRow = await Find(table, partition, PositionKey(fill.Symbol), ct);
            var position = positionRow is null ? new Position(fill.Account, fill.Symbol, fill.StrategyId) : ToPosition(positionRow);
            var updated = position.Apply(fill.Side, fill.Price, fill.Amount, fill.Fee, fill.At) with { StrategyId = fill.StrategyId };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, MarkerKey(fill.Id))
                {
                    ["FillId"] = fill.Id, ["OrderId"] = fill.OrderId, ["TradeId"] = fill.TradeId, ["At"] = fill.At,
                }),
                Write(ToEntity(partition, updated), positionRow),
            };
            foreach (var (currency, delta) in BalanceChanges.ForFill(fill.Symbol, fill.Side, fill.Price, fill.Amount, fill.Fee))
            {
                var balanceRow = await Find(table, partition, BalanceKey(currency), ct);
                var total = (balanceRow?.GetDecimal("Total") ?? 0m) + delta;
                var entity = new TableEntity(partition, BalanceKey(currency)) { ["Currency"] = currency, ["UpdatedAt"] = fill.At };
                entity.SetDecimal("Total", total);
                actions.Add(Write(entity, balanceRow));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                return FillApplication.Applied;
            }
            catch (RequestFailedException ex) when (ex.IsRace() && attempt < MaxAttempts)
            {
                // Lost a race (marker added or a row moved by another writer): re-read and decide again.
            }
            catch (RequestFailedException ex) when (ex.IsRace())
            {
                throw new ConcurrencyConflictException($"Ledger of {fill.Account} kept changing while applying {fill.Id}.", ex);
            }
        }
    }

    /// <summary>
    /// Which of <paramref name="fillIds"/> have no applied-fill marker in <paramref name="account"/>'s ledger, i.e. have
    /// not reached the ledger (yet). The reconciler re-publishes these; applying them is idempotent.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnappliedAsync(string account, IEnumerable<string> fillIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fillIds);
        var table = await tables.GetAsync(TableNames.Ledger, ct);
        var partition = TableKeys.Escape(account);
        var missing = new List<string>();
        foreach (var id in fillIds)
        {
            var marker = await table.GetEntityIfExistsAsync<TableEntity>(partition, MarkerKey(id), ["FillId"], ct);
            if (!marker.HasValue)
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    public Task<IReadOnlyList<Position>> GetPositionsAsync(string account, CancellationToken ct) => GetRecentPositionsAsync(account, TimeSpan.Zero, ct);

    /// <summary>
    /// The positions as stored at some moment after <paramref name="since"/>, a <see cref="RecentValue.Mark"/> the caller
    /// took when its work arrived, and at most <paramref name="maxAge"/> ago: a read another caller began within those
    /// bounds answers it (unless a fill this process applied ended since), so deliveries queued behind one another share
    /// one query; else read now. A fill another instance applied after that read began is not seen, as if the caller had
    /// run when the read began.
    /// </summary>
    public Task<IReadOnlyList<Position>> GetPositionsSinceAsync(string account, long since, TimeSpan maxAge, CancellationToken ct) =>
        Positions(account).GetSinceAsync(since, maxAge, _time, () => ReadPositionsAsync(account, ct));

    /// <summary>
    /// The positions as this process last read them, if at most <paramref name="maxAge"/> ago (a fill this process applies
    /// is seen at once; one applied by another instance within <paramref name="maxAge"/>); else as stored now. Only for
    /// readers that may act as if they had run a moment earlier (protective-exit checks); risk decisions read with
    /// <see cref="GetPositionsSinceAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<Position>> GetRecentPositionsAsync(string account, TimeSpan maxAge, CancellationToken ct) =>
        Positions(account).GetAsync(_time, maxAge, () => ReadPositionsAsync(account, ct));

    private async Task<IReadOnlyList<Position>> ReadPositionsAsync(string account, CancellationToken ct) =>
        [.. (await RangeAsync(account, "pos|", ct)).Select(ToPosition)];

    private RecentValue<IReadOnlyList<Position>> Positions(string account) => _positions.GetOrAdd(account, _ => new RecentValue<IReadOnlyList<Position>>());

    /// <summary>Forgets the remembered positions when a fill's application ends, applied or not (disposed).</summary>
    private sealed class PositionsChanged(RecentValue<IReadOnlyList<Position>> positions) : IDisposable
    {
        public void Dispose() => positions.Changed();
    }

    /// <summary>Net balance change per currency booked from fills (what the bot's trading did to the account).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> GetBalancesAsync(string account, CancellationToken ct)
    {
        var rows = await RangeAsync(account, "bal|", ct);
        return rows.ToDictionary(r => r.GetText("Currency"), r => r.GetDecimal("Total"), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<TableEntity>> RangeAsync(string account, string prefix, CancellationToken ct) =>
        await (await tables.GetAsync(TableNames.Ledger, ct)).PrefixAsync(TableKeys.Escape(account), prefix, ct);

    private static async Task<TableEntity?> Find(TableClient table, string partition, string rowKey, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private static TableTransactionAction Write(TableEntity entity, TableEntity? existing) =>
        existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, existing.ETag);

    private static string MarkerKey(string fillId) => "fill|" + TableKeys.Escape(fillId);

    private static string PositionKey(Symbol symbol) => "pos|" + TableKeys.Escape(symbol.ToKey());

    private static string BalanceKey(string currency) => "bal|" + TableKeys.Escape(currency);

    private static TableEntity ToEntity(string partition, Position position)
    {
        var row = new TableEntity(partition, PositionKey(position.Symbol))
        {
            ["Account"] = position.Account,
            ["Symbol"] = position.Symbol.ToString(),
            ["StrategyId"] = position.StrategyId,
            ["OtherFees"] = JsonSerializer.Serialize(position.OtherFees.ToDictionary(kv => kv.Key, kv => Core.Exchange.Precision.ToWire(kv.Value)),
                PlainJsonContext.Default.DictionaryStringString),
            ["FillCount"] = position.FillCount,
            ["UpdatedAt"] = position.UpdatedAt,
        };
        row.SetDecimal("Quantity", position.Quantity);
        row.SetDecimal("AverageCost", position.AverageCost);
        row.SetDecimal("RealizedPnl", position.RealizedPnl);
        row.SetDecimal("Fees", position.Fees);
        row.SetDecimal("LastPrice", position.LastPrice);
        row.SetDecimal("UnrealizedPnl", position.UnrealizedPnl(position.LastPrice));
        return row;
    }

    private static Position ToPosition(TableEntity row)
    {
        var otherFees = JsonSerializer.Deserialize(row.GetString("OtherFees") ?? "{}", PlainJsonContext.Default.DictionaryStringString) ?? [];
        return new Position(row.GetText("Account"), Symbol.Parse(row.GetText("Symbol")), row.GetText("StrategyId"))
        {
            Quantity = row.GetDecimal("Quantity"),
            AverageCost = row.GetDecimal("AverageCost"),
            RealizedPnl = row.GetDecimal("RealizedPnl"),
            Fees = row.GetDecimal("Fees"),
            OtherFees = otherFees.ToDictionary(kv => kv.Key, kv => decimal.Parse(kv.Value, System.Globalization.CultureInfo.InvariantCulture)),
            LastPrice = row.GetDecimal("LastPrice"),
            FillCount = row.GetInt32("FillCount") ?? 0,
            UpdatedAt = row.GetTimeOrNull("UpdatedAt"),
        };
    }
}

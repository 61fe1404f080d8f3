using Azure.Data.Tables;
using TradingBot.Core.Messages;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Risk;

/// <summary>
/// Risk decisions: <c>PK = UTC day of the signal's candle</c>, <c>RK = signal id</c>. The row is the stage's inbox:
/// it is added (never overwritten), so a redelivered signal finds the first decision and re-emits the same orders.
/// Added through <see cref="GroupWrites"/>: the decisions of concurrent deliveries share one request.
/// </summary>
public sealed class RiskDecisionStore(TableClients tables, GroupWrites? writes = null)
{
    private readonly GroupWrites _writes = writes ?? new GroupWrites();

    public async Task<RiskDecision?> GetAsync(string signalId, DateTimeOffset signalTime, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.RiskDecisions, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Day(signalTime), TableKeys.Escape(signalId), cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? ToDecision(entity) : null;
    }

    /// <summary>Records <paramref name="decision"/> unless one exists; returns the decision that is stored (<paramref name="decision"/> itself, or the earlier one).</summary>
    public async Task<RiskDecision> AddAsync(RiskDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var table = await tables.GetAsync(TableNames.RiskDecisions, ct);
        var orders = MessageJson.SerializeMany(decision.Orders);
        var row = new TableEntity(TableKeys.Day(decision.SignalTime), TableKeys.Escape(decision.SignalId))
        {
            ["CorrelationId"] = decision.CorrelationId,
            ["StrategyId"] = decision.StrategyId,
            ["Venue"] = decision.Venue,
            ["Symbol"] = decision.Symbol,
            ["SignalTime"] = decision.SignalTime,
            ["Approved"] = decision.Approved,
            ["Code"] = decision.Code,
            ["Message"] = decision.Message,
            ["DecidedAt"] = decision.DecidedAt,
            ["Orders"] = orders,
        };
        if (await _writes.AddAsync(table, row, decision.Message.Length + orders.Length, ct))
        {
            return decision;
        }

        return await GetAsync(decision.SignalId, decision.SignalTime, ct)
            ?? throw new StoredDataException($"Risk decision for {decision.SignalId} was recorded before but cannot be read.");
    }

    public async Task<IReadOnlyList<RiskDecision>> ListDayAsync(DateOnly day, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.RiskDecisions, ct);
        var partition = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var decisions = new List<RiskDecision>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            decisions.Add(ToDecision(row));
        }

        return [.. decisions.OrderBy(d => d.DecidedAt)];
    }

    /// <summary>One page of the decisions of UTC days [<paramref name="fromDay"/>, <paramref name="toDay"/>], optionally only approvals or only rejections.</summary>
    public async Task<TablePage<RiskDecision>> PageAsync(DateOnly fromDay, DateOnly toDay, bool? approved, string? continuationToken, int pageSize,
        CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.RiskDecisions, ct);
        var filter = TableQueries.DayRange(fromDay, toDay) + (approved is { } a ? " and " + TableClient.CreateQueryFilter($"Approved eq {a}") : "");
        var page = await table.PageAsync(filter, continuationToken, pageSize, ct);
        return new TablePage<RiskDecision>([.. page.Items.Select(ToDecision)], page.ContinuationToken);
    }

    private static RiskDecision ToDecision(TableEntity row) =>
        new(TableKeys.Unescape(row.RowKey), row.GetText("CorrelationId"), row.GetText("StrategyId"), row.GetText("Venue"), row.GetText("Symbol"),
            row.GetTime("SignalTime"), row.GetBoolean("Approved") ?? false, row.GetText("Code"), row.GetString("Message") ?? "",
            row.GetTime("DecidedAt"))
        {
            Orders = MessageJson.DeserializeMany<OrderApproved>(row.GetString("Orders") ?? "[]"),
        };
}

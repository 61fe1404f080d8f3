using Azure.Data.Tables;
using TradingBot.Core.Messages;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Signals;

/// <summary>
/// Raised signals: <c>PK = UTC day of the candle</c> (<c>20260110</c>: "signals of a day" is one partition),
/// <c>RK = signal id</c> (deterministic, so re-evaluating a candle overwrites the same row). Written through
/// <see cref="GroupWrites"/>: the signals of concurrent deliveries share one request.
/// </summary>
public sealed class SignalStore(TableClients tables, GroupWrites? writes = null)
{
    private readonly GroupWrites _writes = writes ?? new GroupWrites();

    public async Task SaveAsync(IReadOnlyList<SignalRaised> signals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Signals, ct);
        await Task.WhenAll(signals.Select(ToEntity).Select(row => _writes.UpsertAsync(table, row, row.GetString("Message")?.Length ?? 0, ct)));
    }

    public async Task<IReadOnlyList<SignalRaised>> ListDayAsync(DateOnly day, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Signals, ct);
        var partition = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var signals = new List<SignalRaised>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            signals.Add(MessageJson.Deserialize<SignalRaised>(row.GetText("Message")));
        }

        return [.. signals.OrderBy(s => s.At).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>One page of the signals of UTC days [<paramref name="fromDay"/>, <paramref name="toDay"/>] (storage order: day, then signal id), optionally of one strategy.</summary>
    public async Task<TablePage<SignalRaised>> PageAsync(DateOnly fromDay, DateOnly toDay, string? strategyId, string? continuationToken, int pageSize,
        CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Signals, ct);
        var filter = TableQueries.DayRange(fromDay, toDay) + (strategyId is null ? "" : " and " + TableClient.CreateQueryFilter($"StrategyId eq {strategyId}"));
        var page = await table.PageAsync(filter, continuationToken, pageSize, ct);
        return new TablePage<SignalRaised>([.. page.Items.Select(r => MessageJson.Deserialize<SignalRaised>(r.GetText("Message")))], page.ContinuationToken);
    }

    private static TableEntity ToEntity(SignalRaised signal) => new(TableKeys.Day(signal.CandleTime), TableKeys.Escape(signal.Id))
    {
        ["StrategyId"] = signal.StrategyId,
        ["Venue"] = signal.Venue,
        ["Symbol"] = signal.Symbol.ToString(),
        ["Target"] = signal.Target.ToString(),
        ["Price"] = Core.Exchange.Precision.ToWire(signal.Price),
        ["At"] = signal.At,
        ["CorrelationId"] = signal.CorrelationId,
        ["Message"] = MessageJson.Serialize(signal),
    };
}

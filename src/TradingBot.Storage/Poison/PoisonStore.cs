using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Messages;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Poison;

/// <summary>
/// Poison records: <c>PK = function</c>, <c>RK = message id</c> when the body had one, else a hash of the body — so
/// the same poison message delivered again updates one row (with the latest delivery facts) instead of piling up.
/// </summary>
public sealed class PoisonStore(TableClients tables)
{
    public const int MaxBodyLength = 30_000;

    public static string KeyFor(string? messageId, string body) =>
        string.IsNullOrWhiteSpace(messageId) ? MessageIds.Derive("body", body) : messageId;

    public async Task RecordAsync(PoisonRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableNames.Poison, ct);
        var row = new TableEntity(TableKeys.Escape(record.Function), TableKeys.Escape(record.Key))
        {
            ["Function"] = record.Function,
            ["Reason"] = Truncate(record.Reason, 4_000),
            ["Body"] = Truncate(record.Body, MaxBodyLength),
            ["BodyLength"] = record.Body.Length,
            ["RecordedAt"] = record.RecordedAt,
            ["MessageId"] = record.MessageId,
            ["CorrelationId"] = record.CorrelationId,
            ["ServiceBusMessageId"] = record.ServiceBusMessageId,
            ["DeliveryCount"] = record.DeliveryCount,
            ["InvocationId"] = record.InvocationId,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<PoisonRecord>> ListAsync(string? function, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Poison, ct);
        var records = new List<PoisonRecord>();
        var query = function is null
            ? table.QueryAsync<TableEntity>(cancellationToken: ct)
            : table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(function)}"), cancellationToken: ct);
        await foreach (var row in query)
        {
            records.Add(ToRecord(row));
        }

        return [.. records.OrderByDescending(r => r.RecordedAt)];
    }

    /// <summary>One page of poison records (storage order: function, then key), optionally of one function.</summary>
    public async Task<TablePage<PoisonRecord>> PageAsync(string? function, string? continuationToken, int pageSize, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Poison, ct);
        var filter = function is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(function)}");
        var page = await table.PageAsync(filter, continuationToken, pageSize, ct);
        return new TablePage<PoisonRecord>([.. page.Items.Select(ToRecord)], page.ContinuationToken);
    }

    private static PoisonRecord ToRecord(TableEntity row) =>
        new(row.GetText("Function"), TableKeys.Unescape(row.RowKey), row.GetString("Reason") ?? "", row.GetString("Body") ?? "", row.GetTime("RecordedAt"))
        {
            MessageId = row.GetString("MessageId"),
            CorrelationId = row.GetString("CorrelationId"),
            ServiceBusMessageId = row.GetString("ServiceBusMessageId"),
            DeliveryCount = row.GetInt32("DeliveryCount"),
            InvocationId = row.GetString("InvocationId"),
        };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

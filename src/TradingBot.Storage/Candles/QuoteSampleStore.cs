using Azure.Data.Tables;
using TradingBot.Core.Ingestion;
using TradingBot.Core.Market;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Candles;

/// <summary>
/// Best bid/ask samples of venues without candles: <c>PK = venue|BTC-USD</c>, <c>RK = sample time</c> (100 ns,
/// sortable). Aggregated into candles by the ingestion run; rows older than the retention are deleted by it.
/// </summary>
public sealed class QuoteSampleStore(TableClients tables)
{
    public async Task AddAsync(string venue, Symbol symbol, QuoteSample sample, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.QuoteSamples, ct);
        var row = new TableEntity(Partition(venue, symbol), TableKeys.PreciseTime(sample.Time)) { ["Time"] = sample.Time.ToUniversalTime() };
        row.SetDecimal("Bid", sample.Bid);
        row.SetDecimal("Ask", sample.Ask);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>Samples in [<paramref name="from"/>, <paramref name="to"/>), ascending.</summary>
    public async Task<IReadOnlyList<QuoteSample>> GetAsync(string venue, Symbol symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.QuoteSamples, ct);
        var partition = Partition(venue, symbol);
        var low = TableKeys.PreciseTime(from);
        var high = TableKeys.PreciseTime(to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
        var samples = new List<QuoteSample>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            samples.Add(new QuoteSample(row.GetTime("Time"), row.GetDecimal("Bid"), row.GetDecimal("Ask")));
        }

        return [.. samples.OrderBy(s => s.Time)];
    }

    /// <summary>Deletes samples older than <paramref name="before"/> (batches of 100 within the partition).</summary>
    public async Task<int> DeleteOlderThanAsync(string venue, Symbol symbol, DateTimeOffset before, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.QuoteSamples, ct);
        var partition = Partition(venue, symbol);
        var high = TableKeys.PreciseTime(before);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {high}");
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(partition, rk))), ct);
        }

        return keys.Count;
    }

    public static string Partition(string venue, Symbol symbol) => TableKeys.Compose(venue, symbol.ToKey());
}

using Azure.Data.Tables;

namespace TradingBot.Storage.Tables;

/// <summary>The range query every store uses: the rows of one partition whose RowKey starts with a prefix.</summary>
public static class TableQueries
{
    /// <summary>Rows of <paramref name="partition"/> with RowKey in [<paramref name="prefix"/>, prefix with its last character '|' raised to '}').</summary>
    public static async Task<List<TableEntity>> PrefixAsync(this TableClient table, string partition, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var high = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {high}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}

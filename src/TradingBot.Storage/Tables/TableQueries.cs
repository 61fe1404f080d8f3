using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace TradingBot.Storage.Tables;

/// <summary>The queries every store shares: a RowKey-prefix range of one partition, and one page of a filtered query.</summary>
public static class TableQueries
{
    /// <summary>The largest page a caller may ask for (Table Storage returns at most 1,000 entities per response).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Rows of <paramref name="partition"/> with RowKey in [<paramref name="prefix"/>, prefix with its last character '|' raised to '}').</summary>
    public static Task<List<TableEntity>> PrefixAsync(this TableClient table, string partition, string prefix, CancellationToken ct) =>
        PrefixAsync(table, partition, prefix, null, ct);

    /// <summary>The rows of the RowKey-prefix range that also match <paramref name="andFilter"/> (an OData filter; null: all), filtered by the service.</summary>
    public static async Task<List<TableEntity>> PrefixAsync(this TableClient table, string partition, string prefix, string? andFilter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var high = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {high}")
            + (andFilter is null ? "" : " and (" + andFilter + ")");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// One page (at most <paramref name="pageSize"/> rows) of <paramref name="filter"/>, continuing from
    /// <paramref name="continuationToken"/> (a token this method returned). The token is the service's
    /// (next partition and row key) in base64url, so it is opaque and URL-safe; a token that does not decode is an
    /// <see cref="InvalidContinuationTokenException"/>.
    /// </summary>
    public static async Task<TablePage<TableEntity>> PageAsync(this TableClient table, string? filter, string? continuationToken, int pageSize,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var token = Decode(continuationToken);
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct).AsPages(token, pageSize))
            {
                return new TablePage<TableEntity>(page.Values, Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
        {
            throw new InvalidContinuationTokenException("The continuation token does not continue this query.", ex);
        }

        return new TablePage<TableEntity>([], null);
    }

    /// <summary>The filter of UTC-day partitions (<c>20260110</c>) from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included.</summary>
    public static string DayRange(DateOnly fromDay, DateOnly toDay) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {Day(fromDay)} and PartitionKey le {Day(toDay)}");

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Encode(string? token) =>
        string.IsNullOrEmpty(token) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            // The service's token is "<next partition key> <next row key>" (either may be empty).
            return text.Contains(' ', StringComparison.Ordinal) && !text.Any(char.IsControl)
                ? text
                : throw new InvalidContinuationTokenException("The continuation token is not one this API issued.");
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException("The continuation token is not base64url.", ex);
        }
    }
}

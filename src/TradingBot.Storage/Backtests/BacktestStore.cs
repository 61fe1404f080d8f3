using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Backtests;

/// <summary>
/// Backtest runs started from the API: table <c>Backtests</c>, one partition per run (<c>PK = run id</c>). The result
/// JSON and the HTML report are split into rows of <see cref="ChunkLength"/> characters (<c>RK = json|0000</c>,
/// <c>html|0000</c>...), written first; the <c>summary</c> row is written last, so a run is listed only once it is
/// complete. Ids start with the creation time, so storage order is time order.
/// </summary>
public sealed class BacktestStore(TableClients tables)
{
    public const int ChunkLength = 30_000;
    private const string SummaryKey = "summary";
    private const string JsonPart = "json";
    private const string HtmlPart = "html";
    private const int RowsPerTransaction = 50;

    /// <summary>A new run id for <paramref name="createdAt"/>: <c>bt-20260110T120000Z-1a2b3c4d</c>.</summary>
    public static string NewId(DateTimeOffset createdAt) =>
        $"bt-{TableKeys.Time(createdAt)}-{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8]}";

    public async Task SaveAsync(BacktestSummary summary, string resultJson, string reportHtml, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(resultJson);
        ArgumentNullException.ThrowIfNull(reportHtml);
        var table = await tables.GetAsync(TableNames.Backtests, ct);
        var partition = TableKeys.Escape(summary.Id);
        var json = Chunks(partition, JsonPart, resultJson);
        var html = Chunks(partition, HtmlPart, reportHtml);
        foreach (var batch in json.Concat(html).Chunk(RowsPerTransaction))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
        }

        var row = new TableEntity(partition, SummaryKey)
        {
            ["Id"] = summary.Id,
            ["Strategy"] = summary.Strategy,
            ["Parameters"] = summary.Parameters,
            ["Source"] = summary.Source,
            ["Bars"] = summary.Bars,
            ["CreatedAt"] = summary.CreatedAt,
            ["Statistics"] = summary.StatisticsJson,
            ["JsonChunks"] = json.Count,
            ["HtmlChunks"] = html.Count,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<BacktestSummary?> GetAsync(string id, CancellationToken ct)
    {
        var row = await SummaryRowAsync(id, ct);
        return row is null ? null : ToSummary(row);
    }

    /// <summary>The result JSON of run <paramref name="id"/>, or null when there is no such (complete) run.</summary>
    public Task<string?> GetResultJsonAsync(string id, CancellationToken ct) => ReadAsync(id, JsonPart, "JsonChunks", ct);

    /// <summary>The HTML report of run <paramref name="id"/>, or null when there is no such (complete) run.</summary>
    public Task<string?> GetReportHtmlAsync(string id, CancellationToken ct) => ReadAsync(id, HtmlPart, "HtmlChunks", ct);

    /// <summary>One page of runs (summary rows only), oldest first.</summary>
    public async Task<TablePage<BacktestSummary>> PageAsync(string? continuationToken, int pageSize, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Backtests, ct);
        var page = await table.PageAsync(TableClient.CreateQueryFilter($"RowKey eq {SummaryKey}"), continuationToken, pageSize, ct);
        return new TablePage<BacktestSummary>([.. page.Items.Select(ToSummary)], page.ContinuationToken);
    }

    private async Task<string?> ReadAsync(string id, string part, string countColumn, CancellationToken ct)
    {
        var summary = await SummaryRowAsync(id, ct);
        if (summary is null)
        {
            return null;
        }

        var count = summary.GetInt32(countColumn) ?? throw new StoredDataException($"{TableValues.Where(summary)} field {countColumn}: missing.");
        var table = await tables.GetAsync(TableNames.Backtests, ct);
        var rows = await table.PrefixAsync(TableKeys.Escape(id), part + TableKeys.Separator, ct);
        if (rows.Count != count)
        {
            throw new StoredDataException($"Backtest {id} has {rows.Count} {part} chunk(s) stored, expected {count}.");
        }

        var text = new StringBuilder(count * ChunkLength);
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            text.Append(row.GetString("Text"));
        }

        return text.ToString();
    }

    private async Task<TableEntity?> SummaryRowAsync(string id, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var table = await tables.GetAsync(TableNames.Backtests, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(id), SummaryKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private static List<TableEntity> Chunks(string partition, string part, string text)
    {
        var rows = new List<TableEntity>();
        for (int offset = 0, index = 0; offset < text.Length || index == 0; offset += ChunkLength, index++)
        {
            var length = Math.Min(ChunkLength, text.Length - offset);
            rows.Add(new TableEntity(partition, $"{part}{TableKeys.Separator}{index.ToString("D4", CultureInfo.InvariantCulture)}")
            {
                ["Text"] = text.Substring(offset, length),
            });
        }

        return rows;
    }

    private static BacktestSummary ToSummary(TableEntity row) =>
        new(row.GetText("Id"), row.GetText("Strategy"), row.GetString("Parameters") ?? "", row.GetText("Source"), row.GetInt32("Bars") ?? 0,
            row.GetTime("CreatedAt"), row.GetString("Statistics") ?? "{}");
}

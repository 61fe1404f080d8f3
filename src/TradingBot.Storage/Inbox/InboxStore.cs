using System.Text;
using Azure;
using Azure.Data.Tables;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Inbox;

/// <summary>
/// Processed-message inbox: <c>PK = function</c>, <c>RK = message id</c>, with the outputs the first processing
/// produced (JSON, split over columns of 30,000 characters). A redelivered message replays those outputs instead of
/// being processed again, so downstream sees identical messages even if configuration changed in between. Records
/// are inserted through <see cref="GroupWrites"/>: concurrent deliveries of one function share one request.
/// </summary>
public sealed class InboxStore(TableClients tables, GroupWrites? writes = null)
{
    private readonly GroupWrites _writes = writes ?? new GroupWrites();

    private const int ChunkLength = 30_000;
    private const int MaxChunks = 30;

    /// <summary>The recorded outputs JSON of <paramref name="messageId"/> in <paramref name="function"/>, or null if not processed.</summary>
    public async Task<string?> FindAsync(string function, string messageId, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Inbox, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(function), TableKeys.Escape(messageId), cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var chunks = entity.GetInt32("Chunks") ?? 0;
        var builder = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            builder.Append(entity.GetText("Outputs" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Claims <paramref name="key"/> in <paramref name="scope"/> once, across callers and instances: true for the first
    /// claim, false when it was already claimed. For effects that must happen once but carry no outputs (a notice).
    /// </summary>
    public async Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Inbox, ct);
        return await _writes.AddAsync(table, new TableEntity(TableKeys.Escape(scope), TableKeys.Escape(key)) { ["ProcessedAt"] = at, ["Chunks"] = 0 }, 0, ct);
    }

    /// <summary>
    /// Records the outputs of a processed message unless it was recorded before: the first record wins. Returns null when
    /// this call recorded <paramref name="outputsJson"/>, else the outputs recorded first (replay those instead). One
    /// insert in the common case, so a stage can process first and record after, without a lookup before.
    /// </summary>
    public async Task<string?> RecordAsync(string function, string messageId, string correlationId, string outputsJson, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outputsJson);
        var chunks = outputsJson.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        if (chunks.Count > MaxChunks)
        {
            throw new ArgumentException($"Outputs of {messageId} are too large to record ({outputsJson.Length} characters).", nameof(outputsJson));
        }

        var table = await tables.GetAsync(TableNames.Inbox, ct);
        var row = new TableEntity(TableKeys.Escape(function), TableKeys.Escape(messageId))
        {
            ["CorrelationId"] = correlationId,
            ["ProcessedAt"] = at,
            ["Chunks"] = chunks.Count,
        };
        for (var i = 0; i < chunks.Count; i++)
        {
            row["Outputs" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = chunks[i];
        }

        if (await _writes.AddAsync(table, row, outputsJson.Length, ct))
        {
            return null;
        }

        return await FindAsync(function, messageId, ct)
            ?? throw new InvalidOperationException($"The inbox record of {messageId} in {function} exists but could not be read.");
    }
}

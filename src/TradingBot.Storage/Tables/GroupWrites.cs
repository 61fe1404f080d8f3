using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TradingBot.Storage.Tables;

/// <summary>
/// Group commit of single-row writes (insert-if-absent, or upsert) into one table partition. A write with nothing in
/// flight goes to the table at once, alone; writes that arrive while a request is in flight wait for it and then go
/// together, in one entity-group transaction (up to 100 rows and about 2 MB). Under load that is one request for many
/// rows; when idle it adds no wait. Each caller learns its own outcome: an insert is added or was there already (a
/// transaction that fails because one row exists is split into single writes, so one duplicate never fails the
/// others); an upsert always lands.
/// </summary>
public sealed class GroupWrites
{
    private const int MaxRows = 100;
    private const long MaxBatchCharacters = 2_000_000;
    private readonly ConcurrentDictionary<(Uri Table, string Partition), Partition> _partitions = new();

    /// <summary>Inserts <paramref name="row"/> unless its key exists: true when this call added it, false when it was there already.</summary>
    public Task<bool> AddAsync(TableClient table, TableEntity row, long characters, CancellationToken ct) =>
        WriteAsync(table, row, TableTransactionActionType.Add, characters, ct);

    /// <summary>Writes <paramref name="row"/> whole, whether or not its key exists.</summary>
    public Task UpsertAsync(TableClient table, TableEntity row, long characters, CancellationToken ct) =>
        WriteAsync(table, row, TableTransactionActionType.UpsertReplace, characters, ct);

    private Task<bool> WriteAsync(TableClient table, TableEntity row, TableTransactionActionType action, long characters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var pending = new Pending(row, action, characters);
        _partitions.GetOrAdd((table.Uri, row.PartitionKey), _ => new Partition()).Enqueue(table, pending);
        return pending.Outcome.Task.WaitAsync(ct);
    }

    private sealed record Pending(TableEntity Row, TableTransactionActionType Action, long Characters)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Partition
    {
        private readonly Lock _gate = new();
        private readonly Queue<Pending> _queue = new();
        private bool _sending;

        public void Enqueue(TableClient table, Pending pending)
        {
            lock (_gate)
            {
                _queue.Enqueue(pending);
                if (_sending)
                {
                    return; // the sender in flight takes it next
                }

                _sending = true;
            }

            _ = Task.Run(() => SendAllAsync(table));
        }

        private async Task SendAllAsync(TableClient table)
        {
            while (true)
            {
                var batch = new List<Pending>();
                lock (_gate)
                {
                    long characters = 0;
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    // A transaction may touch a row only once: a second write of the same row (a duplicate delivery) waits for the next one.
                    while (_queue.TryPeek(out var next) && batch.Count < MaxRows
                           && (batch.Count == 0 || characters + next.Characters <= MaxBatchCharacters) && keys.Add(next.Row.RowKey))
                    {
                        characters += _queue.Dequeue().Characters;
                        batch.Add(next);
                    }

                    if (batch.Count == 0)
                    {
                        _sending = false;
                        return;
                    }
                }

                try
                {
                    await SendAsync(table, batch);
                }
#pragma warning disable CA1031 // Never leave a caller waiting (SendAsync answers every row itself; this is a last resort).
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    batch.ForEach(p => p.Outcome.TrySetException(ex));
                }
            }
        }

        private static async Task SendAsync(TableClient table, List<Pending> batch)
        {
            if (batch.Count > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(p.Action, p.Row)), CancellationToken.None);
                    batch.ForEach(p => p.Outcome.TrySetResult(true));
                    return;
                }
                catch (RequestFailedException ex) when (ex.IsConflict())
                {
                    // A row exists already (a redelivery): the transaction changed nothing; insert one by one below.
                }
#pragma warning disable CA1031 // Every caller gets the failure as its own.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    batch.ForEach(p => p.Outcome.TrySetException(ex));
                    return;
                }
            }

            await Task.WhenAll(batch.Select(async p =>
            {
                try
                {
                    if (p.Action == TableTransactionActionType.Add)
                    {
                        await table.AddEntityAsync(p.Row, CancellationToken.None);
                    }
                    else
                    {
                        await table.UpsertEntityAsync(p.Row, TableUpdateMode.Replace, CancellationToken.None);
                    }

                    p.Outcome.TrySetResult(true);
                }
                catch (RequestFailedException ex) when (ex.IsConflict())
                {
                    p.Outcome.TrySetResult(false);
                }
#pragma warning disable CA1031 // The caller gets the failure.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    p.Outcome.TrySetException(ex);
                }
            }));
        }
    }
}

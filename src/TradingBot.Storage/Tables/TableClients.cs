using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TradingBot.Storage.Tables;

/// <summary>Hands out <see cref="TableClient"/>s for our tables (with the configured prefix), creating each table once per process.</summary>
public sealed class TableClients(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public string Prefix { get; } = options.Value.TablePrefix;

    public async Task<TableClient> GetAsync(string table, CancellationToken ct)
    {
        var lazy = _tables.GetOrAdd(table, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(table, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = service.GetTableClient(Prefix + table);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}

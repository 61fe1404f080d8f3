using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TradingBot.Storage.Tables;

/// <summary>
/// Hands out <see cref="TableClient"/>s for our tables (with the configured prefix), creating each table once per process.
/// Queries name their filter as text (<see cref="TableClient.CreateQueryFilter(FormattableString)"/>): the SDK's LINQ
/// filters compile expression trees at run time.
/// </summary>
public sealed class TableClients(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public string Prefix { get; } = options.Value.TablePrefix;

    // The SDK creates the TableEntity of each row it reads with Activator.CreateInstance<T>(): keep its constructor for
    // that in the Native AOT build (trimming would drop what only reflection uses).
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
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
        // The SDK's "if not exists" methods serialize their request body by reflection, which the Native AOT handler does
        // not have (NativeHandlerEndToEndTests runs the pipeline on that build): create, and take "already exists" as done.
        try
        {
            await service.CreateTableAsync(Prefix + table, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "TableAlreadyExists")
        {
        }

        return service.GetTableClient(Prefix + table);
    }
}

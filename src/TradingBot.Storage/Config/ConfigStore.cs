using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Market;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Config;

/// <summary>
/// Markets (<c>PK = venue</c>, <c>RK = BTC-USDT|1m</c>) and strategies (<c>PK = "strategy"</c>, <c>RK = id</c>).
/// Both tables are small and read whole by the timer and the strategy stage.
/// </summary>
public sealed class ConfigStore(TableClients tables, TimeProvider? time = null)
{
    public const string StrategyPartition = "strategy";
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly RecentValue<IReadOnlyList<StrategyConfig>> _strategies = new();
    private readonly RecentValue<IReadOnlyList<MarketConfig>> _markets = new();

    public async Task<IReadOnlyList<MarketConfig>> ListMarketsAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Markets, ct);
        var markets = new List<MarketConfig>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            markets.Add(new MarketConfig(row.PartitionKey, Symbol.Parse(row.GetText("Symbol")), Timeframe.Parse(row.GetText("Timeframe")),
                row.GetBoolean("Enabled") ?? false)
            {
                LastCandleTime = row.GetTimeOrNull("LastCandleTime"),
            });
        }

        return markets;
    }

    public async Task UpsertMarketAsync(MarketConfig market, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(market);
        var table = await tables.GetAsync(TableNames.Markets, ct);
        var row = new TableEntity(TableKeys.Escape(market.Venue), MarketKey(market.Symbol, market.Timeframe))
        {
            ["Symbol"] = market.Symbol.ToString(),
            ["Timeframe"] = market.Timeframe.ToString(),
            ["Enabled"] = market.Enabled,
        };
        try
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
        }
        finally
        {
            _markets.Changed();
        }
    }

    /// <summary>Advances the ingestion cursor (merge: leaves the rest of the row alone).</summary>
    public async Task SetLastCandleTimeAsync(string venue, Symbol symbol, Timeframe timeframe, DateTimeOffset openTime, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Markets, ct);
        var row = new TableEntity(TableKeys.Escape(venue), MarketKey(symbol, timeframe)) { ["LastCandleTime"] = openTime.ToUniversalTime() };
        try
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
        }
        finally
        {
            _markets.Changed();
        }
    }

    public async Task<IReadOnlyList<StrategyConfig>> ListStrategiesAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Strategies, ct);
        var strategies = new List<StrategyConfig>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {StrategyPartition}"), cancellationToken: ct))
        {
            strategies.Add(ToStrategy(row));
        }

        return strategies;
    }

    /// <summary>
    /// The strategies as read at most <paramref name="maxAge"/> ago (zero: read now). The strategy stage needs them for
    /// every candle; a recent snapshot spares that query. A write through this store is seen at once in this process; a
    /// change made elsewhere (another instance, the CLI) within <paramref name="maxAge"/>.
    /// </summary>
    public Task<IReadOnlyList<StrategyConfig>> ListStrategiesAsync(TimeSpan maxAge, CancellationToken ct) =>
        _strategies.GetAsync(_time, maxAge, () => ListStrategiesAsync(ct));

    /// <summary>The markets as read at most <paramref name="maxAge"/> ago (zero: read now); like <see cref="ListStrategiesAsync(TimeSpan, CancellationToken)"/>.</summary>
    public Task<IReadOnlyList<MarketConfig>> ListMarketsAsync(TimeSpan maxAge, CancellationToken ct) =>
        _markets.GetAsync(_time, maxAge, () => ListMarketsAsync(ct));

    /// <summary>One page of strategies, by id.</summary>
    public async Task<TablePage<StrategyConfig>> PageStrategiesAsync(string? continuationToken, int pageSize, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Strategies, ct);
        var page = await table.PageAsync(TableClient.CreateQueryFilter($"PartitionKey eq {StrategyPartition}"), continuationToken, pageSize, ct);
        return new TablePage<StrategyConfig>([.. page.Items.Select(ToStrategy)], page.ContinuationToken);
    }

    /// <summary>Adds a new strategy (with its ETag); null when one with its id exists already (nothing is changed then).</summary>
    public async Task<StrategyConfig?> AddStrategyAsync(StrategyConfig strategy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var table = await tables.GetAsync(TableNames.Strategies, ct);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(strategy), ct);
            return strategy with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return null;
        }
        finally
        {
            _strategies.Changed(); // also when the outcome is unknown (a timeout may follow a write that happened)
        }
    }

    public async Task<StrategyConfig?> GetStrategyAsync(string id, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Strategies, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(StrategyPartition, TableKeys.Escape(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? ToStrategy(entity) : null;
    }

    /// <summary>
    /// Writes a strategy. With <see cref="StrategyConfig.ETag"/> set it is a compare-and-set (412 →
    /// <see cref="ConcurrencyConflictException"/>); without, an upsert. Returns the stored version.
    /// </summary>
    public async Task<StrategyConfig> SaveStrategyAsync(StrategyConfig strategy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var table = await tables.GetAsync(TableNames.Strategies, ct);
        var row = ToEntity(strategy);
        try
        {
            var response = strategy.ETag is { } etag
                ? await table.UpdateEntityAsync(row, new ETag(etag), TableUpdateMode.Replace, ct)
                : await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            return strategy with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.IsPreconditionFailed())
        {
            throw new ConcurrencyConflictException($"Strategy '{strategy.Id}' was changed by someone else.", ex);
        }
        finally
        {
            _strategies.Changed(); // also when the outcome is unknown (a timeout may follow a write that happened)
        }
    }

    public static string MarketKey(Symbol symbol, Timeframe timeframe) => TableKeys.Compose(symbol.ToKey(), timeframe.ToString());

    private static TableEntity ToEntity(StrategyConfig strategy) => new(StrategyPartition, TableKeys.Escape(strategy.Id))
    {
        ["Strategy"] = strategy.Strategy,
        ["Venue"] = strategy.Venue,
        ["Symbol"] = strategy.Symbol.ToString(),
        ["Timeframe"] = strategy.Timeframe.ToString(),
        ["Parameters"] = JsonSerializer.Serialize(strategy.Parameters, PlainJsonContext.Default.IReadOnlyDictionaryStringDouble),
        ["Enabled"] = strategy.Enabled,
    };

    private static StrategyConfig ToStrategy(TableEntity row)
    {
        Dictionary<string, double> parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(row.GetString("Parameters") ?? "{}", PlainJsonContext.Default.DictionaryStringDouble) ?? [];
        }
        catch (JsonException ex)
        {
            throw new StoredDataException($"{TableValues.Where(row)} field Parameters: {ex.Message}", ex);
        }

        return new StrategyConfig(TableKeys.Unescape(row.RowKey), row.GetText("Strategy"), row.GetText("Venue"),
            Symbol.Parse(row.GetText("Symbol")), Timeframe.Parse(row.GetText("Timeframe")), row.GetBoolean("Enabled") ?? false)
        {
            Parameters = parameters,
            ETag = row.ETag.ToString(),
        };
    }
}

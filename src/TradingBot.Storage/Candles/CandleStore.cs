using Azure.Data.Tables;
using TradingBot.Core.Market;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Candles;

/// <summary>
/// Closed candles: <c>PK = venue|BTC-USDT|1m</c> (one partition per market and timeframe), <c>RK = open time</c>
/// (<c>20260110T120000Z</c>, so RowKey order is time order and a time window is one range query). Upserts replace,
/// so storing the same candle twice leaves one row.
/// </summary>
public sealed class CandleStore(TableClients tables)
{
    private const int BatchSize = 100;

    /// <summary>Upserts <paramref name="candles"/> in atomic batches of 100; returns the candles stored (all, or throws).</summary>
    public async Task<int> UpsertAsync(string venue, Symbol symbol, Timeframe timeframe, IReadOnlyList<Candle> candles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candles);
        var table = await tables.GetAsync(TableNames.Candles, ct);
        var partition = Partition(venue, symbol, timeframe);
        foreach (var chunk in candles.Chunk(BatchSize))
        {
            var actions = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, c)));
            await table.SubmitTransactionAsync(actions, ct);
        }

        return candles.Count;
    }

    /// <summary>Candles with open time in [<paramref name="from"/>, <paramref name="to"/>], ascending.</summary>
    public async Task<IReadOnlyList<Candle>> GetRangeAsync(string venue, Symbol symbol, Timeframe timeframe, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Candles, ct);
        var partition = Partition(venue, symbol, timeframe);
        var low = TableKeys.Time(from);
        var high = TableKeys.Time(to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey le {high}");
        var candles = new List<Candle>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            candles.Add(ToCandle(row));
        }

        candles.Sort((a, b) => a.Time.CompareTo(b.Time));
        return candles;
    }

    /// <summary>One page of candles with open time in [<paramref name="from"/>, <paramref name="to"/>], ascending (RowKey order is time order).</summary>
    public async Task<TablePage<Candle>> PageAsync(string venue, Symbol symbol, Timeframe timeframe, DateTimeOffset from, DateTimeOffset to,
        string? continuationToken, int pageSize, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.Candles, ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(venue, symbol, timeframe)} and RowKey ge {TableKeys.Time(from)} and RowKey le {TableKeys.Time(to)}");
        var page = await table.PageAsync(filter, continuationToken, pageSize, ct);
        return new TablePage<Candle>([.. page.Items.Select(ToCandle)], page.ContinuationToken);
    }

    /// <summary>
    /// The window of <paramref name="bars"/> bar slots ending with the bar that opened at <paramref name="lastOpenTime"/>
    /// (fewer candles when there are gaps). A fixed time window, so re-reading it gives the same candles.
    /// </summary>
    public Task<IReadOnlyList<Candle>> GetWindowAsync(string venue, Symbol symbol, Timeframe timeframe, DateTimeOffset lastOpenTime, int bars,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bars);
        var from = lastOpenTime - (timeframe.Duration * (bars - 1));
        return GetRangeAsync(venue, symbol, timeframe, from, lastOpenTime, ct);
    }

    public static string Partition(string venue, Symbol symbol, Timeframe timeframe) =>
        TableKeys.Compose(venue, symbol.ToKey(), timeframe.ToString());

    private static Candle ToCandle(TableEntity row) =>
        new(TableKeys.ParseTime(row.RowKey), row.GetDecimal("Open"), row.GetDecimal("High"), row.GetDecimal("Low"), row.GetDecimal("Close"),
            row.GetDecimal("Volume"));

    private static TableEntity ToEntity(string partition, Candle candle)
    {
        var row = new TableEntity(partition, TableKeys.Time(candle.Time)) { ["Time"] = candle.Time.ToUniversalTime() };
        row.SetDecimal("Open", candle.Open);
        row.SetDecimal("High", candle.High);
        row.SetDecimal("Low", candle.Low);
        row.SetDecimal("Close", candle.Close);
        row.SetDecimal("Volume", candle.Volume);
        return row;
    }
}

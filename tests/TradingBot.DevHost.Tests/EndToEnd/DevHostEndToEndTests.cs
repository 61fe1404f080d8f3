using System.Net;
using Azure.Data.Tables;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.EndToEnd;

/// <summary>
/// The whole bot as <c>dotnet run --project src/TradingBot.DevHost</c> runs it: the DevHost, the real handler process
/// and Azurite (the shared fixture's, in memory on a random port), paper trading on the simulated market at 60x.
/// Candles become signals, orders, fills and positions; after a clean stop and a restart on the same data, the
/// state is still there and trading goes on from where it stopped.
/// </summary>
public sealed class DevHostEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task DefaultRun_TradesThroughEveryStage_AndTheStateSurvivesARestart()
    {
        using var devHost = new TestDevHost(azurite);
        var prefix = devHost.TablePrefix;
        var tables = new TableServiceClient(azurite.ConnectionString);
        Task<int> Count(string table, Func<TableEntity, bool> which) => TestDevHost.CountAsync(tables.GetTableClient(prefix + table), which);

        var first = devHost.NewRun();
        int fillsBefore;
        DateTimeOffset newestBefore;
        try
        {
            await first.StartAsync(CancellationToken.None);
            await devHost.WaitAsync(async () => await Count("Ledger", e => e.RowKey.StartsWith("pos|", StringComparison.Ordinal)) > 0, "a position");
            Assert.True(await Count("Candles", _ => true) > 0);
            Assert.True(await Count("Signals", _ => true) > 0);
            Assert.True(await Count("Orders", e => e.GetString("State") == "Filled") > 0);
            Assert.True(await Count("Ledger", e => e.RowKey.StartsWith("fill|", StringComparison.Ordinal)) > 0);

            using var anonymous = new HttpClient { BaseAddress = first.FrontAddress };
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("api/health")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/anything")).StatusCode);
            using var client = TestDevHost.Client(first);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("ExecuteOrders", new StringContent("{}"))).StatusCode);
        }
        finally
        {
            await first.StopAsync();
            fillsBefore = await Count("Ledger", e => e.RowKey.StartsWith("fill|", StringComparison.Ordinal));
            newestBefore = await NewestCandleAsync(tables.GetTableClient(prefix + "Candles"));
            await first.DisposeAsync();
        }

        Assert.True(File.Exists(devHost.DataFile("servicebus.json")));
        Assert.True(File.Exists(devHost.DataFile("clock.txt")));
        await using var second = devHost.NewRun();
        await second.StartAsync(CancellationToken.None);
        await devHost.WaitAsync(async () => await NewestCandleAsync(tables.GetTableClient(prefix + "Candles")) > newestBefore, "ingestion resumed after the restart");

        Assert.True(await Count("Ledger", e => e.RowKey.StartsWith("fill|", StringComparison.Ordinal)) >= fillsBefore);
        Assert.True(await Count("Ledger", e => e.RowKey.StartsWith("pos|", StringComparison.Ordinal)) > 0);
        Assert.Equal(0, await Count("Poison", _ => true));
        Assert.DoesNotContain(second.Broker.Statistics(), s => s.DeadLettered > 0);
    }

    private static async Task<DateTimeOffset> NewestCandleAsync(TableClient candles)
    {
        var newest = DateTimeOffset.MinValue;
        try
        {
            await foreach (var entity in candles.QueryAsync<TableEntity>(select: ["RowKey"]))
            {
                var time = DateTimeOffset.ParseExact(entity.RowKey, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal);
                newest = time > newest ? time : newest;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return newest;
        }

        return newest;
    }
}

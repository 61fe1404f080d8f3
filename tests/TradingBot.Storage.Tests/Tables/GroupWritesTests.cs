using Azure;
using Azure.Data.Tables;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Tables;

[Collection(AzuriteTests.Name)]
public sealed class GroupWritesTests(AzuriteFixture azurite)
{
    private readonly TableClients _tables = StoreFactory.Tables(azurite);

    /// <summary>Counts the requests that reach the table service.</summary>
    private sealed class Requests : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref Count);
    }

    private static TableEntity Row(int i) => new("EvaluateStrategies", "candle:" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["Chunks"] = 0 };

    [Fact]
    public async Task Add_ManyAtOnce_AllAddedInFewerRequestsThanRows()
    {
        var requests = new Requests();
        var prefix = AzuriteFixture.NewTablePrefix();
        var table = await StoreFactory.Tables(azurite, prefix, requests).GetAsync(TableNames.Inbox, default);
        var inserts = new GroupWrites();
        var before = requests.Count;

        var added = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => inserts.AddAsync(table, Row(i), 10, default)));

        Assert.All(added, Assert.True);
        Assert.InRange(requests.Count - before, 2, 40); // the first alone, the rest in transactions of up to 100 while one is in flight
        var stored = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == "EvaluateStrategies"))
        {
            stored++;
        }

        Assert.Equal(150, stored);
    }

    [Fact]
    public async Task Add_ARowThatExistsAmongOthers_OnlyThatOneIsNotAdded()
    {
        var table = await _tables.GetAsync(TableNames.Inbox, default);
        await table.AddEntityAsync(Row(7));
        var inserts = new GroupWrites();

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => inserts.AddAsync(table, Row(i), 10, default)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i != 7), added);
    }

    [Fact]
    public async Task Add_TheSameRowTwiceAmongOthers_OneAddsItAndTheOthersAreUnaffected()
    {
        var table = await _tables.GetAsync(TableNames.Inbox, default);
        var writes = new GroupWrites();

        // A duplicate delivery writes the same row at the same time: one transaction may not hold it twice.
        var added = await Task.WhenAll(new[] { 1, 2, 3, 3, 4, 5 }.Select(i => writes.AddAsync(table, Row(i), 10, default)));

        Assert.Equal([true, true, true, false, true, true], added);
    }

    [Fact]
    public async Task Upsert_ManyAtOnceSomeTwice_EveryRowHoldsItsLastWrite()
    {
        var table = await _tables.GetAsync(TableNames.Signals, default);
        await table.AddEntityAsync(new TableEntity("20260110", "s-0") { ["Value"] = "old" });
        var writes = new GroupWrites();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            writes.UpsertAsync(table, new TableEntity("20260110", "s-" + (i % 20).ToString(System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 10, default)));

        for (var i = 0; i < 20; i++)
        {
            var stored = (await table.GetEntityAsync<TableEntity>("20260110", "s-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Value;
            Assert.Equal("v" + (i < 10 ? i + 20 : i).ToString(System.Globalization.CultureInfo.InvariantCulture), stored.GetString("Value"));
        }
    }

    [Fact]
    public async Task Add_StorageFails_EveryWaitingCallerGetsTheFailure()
    {
        var table = new TableClient(new Uri("http://127.0.0.1:1/devstoreaccount1/nowhere"), "nowhere",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Retry = { MaxRetries = 0 } });
        var inserts = new GroupWrites();

        var attempts = Enumerable.Range(0, 5).Select(i => inserts.AddAsync(table, Row(i), 10, default)).ToList();

        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<RequestFailedException>(() => attempt);
        }

        // Not stuck: the next insert is sent (and fails) instead of waiting for ever.
        await Assert.ThrowsAnyAsync<RequestFailedException>(() => inserts.AddAsync(table, Row(9), 10, default).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

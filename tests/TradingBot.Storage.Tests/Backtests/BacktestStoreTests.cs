using TradingBot.Storage.Backtests;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Backtests;

[Collection(AzuriteTests.Name)]
public sealed class BacktestStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly BacktestStore _store = new(StoreFactory.Tables(azurite));

    [Fact]
    public async Task Save_TextsLongerThanAChunk_ReadBackWhole()
    {
        var id = BacktestStore.NewId(At);
        var json = "{\"stats\":{}," + new string('x', (BacktestStore.ChunkLength * 2) + 17) + "}";
        var html = "<!doctype html>" + string.Concat(Enumerable.Repeat("<p>é</p>", 20_000));

        await _store.SaveAsync(new BacktestSummary(id, "sma-cross", "fast=3,slow=8", "upload a.csv", 300, At, "{\"trades\":4}"), json, html, default);

        Assert.Equal(json, await _store.GetResultJsonAsync(id, default));
        Assert.Equal(html, await _store.GetReportHtmlAsync(id, default));
        var summary = await _store.GetAsync(id, default);
        Assert.Equal(("sma-cross", 300, "{\"trades\":4}"), (summary!.Strategy, summary.Bars, summary.StatisticsJson));
    }

    [Fact]
    public async Task Get_UnknownRun_IsNull()
    {
        Assert.Null(await _store.GetAsync("bt-none", default));
        Assert.Null(await _store.GetResultJsonAsync("bt-none", default));
    }

    [Fact]
    public async Task Page_ListsSummariesOldestFirst()
    {
        foreach (var minutes in new[] { 2, 1 })
        {
            var at = At.AddMinutes(minutes);
            await _store.SaveAsync(new BacktestSummary(BacktestStore.NewId(at), "breakout", "", "s", 10, at, "{}"), "{}", "", default);
        }

        var page = await _store.PageAsync(null, 10, default);

        Assert.Equal([At.AddMinutes(1), At.AddMinutes(2)], page.Items.Select(s => s.CreatedAt));
        Assert.Null(page.ContinuationToken);
    }
}

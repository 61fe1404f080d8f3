using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Market;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Candles;

[Collection(AzuriteTests.Name)]
public sealed class CandleWindowCacheTests(AzuriteFixture azurite)
{
    private const string Venue = "binance";
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly TableClients _tables = StoreFactory.Tables(azurite);
    private readonly FakeTimeProvider _time = new(At);

    private static Candle Bar(int minute, decimal close) => new(At.AddMinutes(minute), close, close + 1m, close - 1m, close, 1m);

    /// <summary>What the strategy stage read before the cache: the stored window with the evaluated candle as published.</summary>
    private static async Task<List<Candle>> FromTableAsync(CandleStore store, Candle last, int bars) =>
        [.. (await store.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, last.Time, bars, default)).Where(c => c.Time < last.Time), last];

    [Fact]
    public async Task Window_ConsecutiveCandlesWithGapsAndOutOfOrder_SameAsTheTable()
    {
        var store = new CandleStore(_tables);
        var bars = Enumerable.Range(0, 120).Where(i => i % 17 != 5).Select(i => Bar(i, 100m + i)).ToList(); // gaps at 5, 22, 39, ...
        await store.UpsertAsync(Venue, BtcUsdt, Timeframe.OneMinute, bars, default);
        var cache = new CandleWindowCache(store, _time);
        var order = bars.Skip(30).Take(60).ToList();
        (order[10], order[11]) = (order[11], order[10]); // a later candle evaluated first
        order.Add(bars[3]); // and one far behind the span

        foreach (var last in order)
        {
            var window = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, last, 25, Lifetime, default);

            Assert.Equal(await FromTableAsync(store, last, 25), window);
        }
    }

    [Fact]
    public async Task Window_TheEvaluatedCandleAsPublished_EvenIfTheTableDiffers()
    {
        var store = new CandleStore(_tables);
        await store.UpsertAsync(Venue, BtcUsdt, Timeframe.OneMinute, [.. Enumerable.Range(0, 10).Select(i => Bar(i, 100m))], default);
        var cache = new CandleWindowCache(store, _time);
        var published = Bar(9, 555m);

        var window = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, published, 5, Lifetime, default);

        Assert.Equal([Bar(5, 100m), Bar(6, 100m), Bar(7, 100m), Bar(8, 100m), published], window);
    }

    [Fact]
    public async Task Window_CandleStoredIntoAGapLater_SeenOnceTheSpanIsOlderThanTheLifetime()
    {
        var store = new CandleStore(_tables);
        await store.UpsertAsync(Venue, BtcUsdt, Timeframe.OneMinute, [.. Enumerable.Range(0, 20).Where(i => i != 15).Select(i => Bar(i, 100m + i))], default);
        var cache = new CandleWindowCache(store, _time);
        await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, Bar(18, 118m), 10, Lifetime, default);
        await store.UpsertAsync(Venue, BtcUsdt, Timeframe.OneMinute, [Bar(15, 1m)], default); // a manual back-fill into the gap

        var cached = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, Bar(19, 119m), 10, Lifetime, default);
        _time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        var reread = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, Bar(19, 119m), 10, Lifetime, default);
        var uncached = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, Bar(19, 119m), 10, TimeSpan.Zero, default);

        Assert.DoesNotContain(cached, c => c.Time == Bar(15, 1m).Time); // answered from what was read before: no query per candle
        Assert.Contains(Bar(15, 1m), reread);
        Assert.Equal(await FromTableAsync(store, Bar(19, 119m), 10), reread);
        Assert.Equal(reread, uncached);
    }

    [Fact]
    public async Task Window_SingleBar_IsTheCandleItself()
    {
        var cache = new CandleWindowCache(new CandleStore(_tables), _time);

        var window = await cache.GetWindowAsync(Venue, BtcUsdt, Timeframe.OneMinute, Bar(3, 7m), 1, Lifetime, default);

        Assert.Equal([Bar(3, 7m)], window);
    }
}

using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Inbox;
using TradingBot.Storage.Poison;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Signals;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests;

[Collection(AzuriteTests.Name)]
public sealed class StoresTests(AzuriteFixture azurite)
{
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TableClients _tables = StoreFactory.Tables(azurite);

    private static Candle Bar(int minute, decimal close) => new(At.AddMinutes(minute), close, close + 1m, close - 1m, close, 0.00000001m);

    [Fact]
    public async Task Candles_UpsertedTwice_OneRowPerBarWithExactDecimals()
    {
        var store = new CandleStore(_tables);
        var bars = new[] { Bar(0, 12345678901234.123456789m), Bar(1, 0.00000001m + 2m) };

        await store.UpsertAsync("binance", BtcUsdt, Timeframe.OneMinute, bars, default);
        await store.UpsertAsync("binance", BtcUsdt, Timeframe.OneMinute, bars, default);

        var stored = await store.GetRangeAsync("binance", BtcUsdt, Timeframe.OneMinute, At, At.AddMinutes(10), default);
        Assert.Equal(bars, stored);
    }

    [Fact]
    public async Task Candles_Window_IsAFixedTimeWindowEndingAtTheBar()
    {
        var store = new CandleStore(_tables);
        await store.UpsertAsync("binance", BtcUsdt, Timeframe.OneMinute, [.. Enumerable.Range(0, 150).Select(i => Bar(i, 100m + i))], default);

        var window = await store.GetWindowAsync("binance", BtcUsdt, Timeframe.OneMinute, At.AddMinutes(120), 20, default);

        Assert.Equal(20, window.Count);
        Assert.Equal(At.AddMinutes(101), window[0].Time);
        Assert.Equal(At.AddMinutes(120), window[^1].Time);
    }

    [Fact]
    public async Task Strategies_SaveWithStaleETag_IsAConflictAndKeysAreEscaped()
    {
        var store = new ConfigStore(_tables);
        var saved = await store.SaveStrategyAsync(new StrategyConfig("btc/trend #1", "sma-cross", "binance", BtcUsdt, Timeframe.OneMinute)
        {
            Parameters = new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 12 },
        }, default);
        await store.SaveStrategyAsync(saved with { Enabled = false }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveStrategyAsync(saved with { Strategy = "breakout" }, default));
        var stored = Assert.Single(await store.ListStrategiesAsync(default));
        Assert.Equal("btc/trend #1", stored.Id);
        Assert.False(stored.Enabled);
        Assert.Equal(12, stored.Parameters["slow"]);
    }

    [Fact]
    public async Task Markets_CursorAdvancesWithoutTouchingSettings()
    {
        var store = new ConfigStore(_tables);
        await store.UpsertMarketAsync(new MarketConfig("binance", BtcUsdt, Timeframe.OneMinute), default);

        await store.SetLastCandleTimeAsync("binance", BtcUsdt, Timeframe.OneMinute, At, default);

        var market = Assert.Single(await store.ListMarketsAsync(default));
        Assert.True(market.Enabled);
        Assert.Equal(At, market.LastCandleTime);
    }

    [Fact]
    public async Task RiskDecisions_AddTwice_KeepsTheFirstDecision()
    {
        var store = new RiskDecisionStore(_tables);
        var first = new RiskDecision("sig-1", "c", "s1", "binance", "BTC/USDT", At, false, "max-position", "too big", At);

        await store.AddAsync(first, default);
        var second = await store.AddAsync(first with { Approved = true, Code = "approved" }, default);

        Assert.Equal(first, second with { Orders = first.Orders });
        Assert.Equal("max-position", (await store.GetAsync("sig-1", At, default))!.Code);
    }

    [Fact]
    public async Task Strategies_RecentSnapshot_SeesOwnWritesAtOnceAndOthersAfterTheLifetime()
    {
        var time = new FakeTimeProvider(At);
        var store = new ConfigStore(_tables, time);
        var elsewhere = new ConfigStore(_tables, time); // another instance, or the CLI
        var lifetime = TimeSpan.FromSeconds(5);
        var first = new StrategyConfig("a", "sma-cross", "binance", BtcUsdt, Timeframe.OneMinute);
        await store.SaveStrategyAsync(first, default);
        Assert.Single(await store.ListStrategiesAsync(lifetime, default));

        await elsewhere.SaveStrategyAsync(first with { Id = "b" }, default);
        var cached = await store.ListStrategiesAsync(lifetime, default);
        await store.SaveStrategyAsync(first with { Id = "c" }, default);
        var afterOwnWrite = await store.ListStrategiesAsync(lifetime, default);
        await elsewhere.SaveStrategyAsync(first with { Id = "d" }, default);
        time.Advance(lifetime + TimeSpan.FromSeconds(1));
        var afterLifetime = await store.ListStrategiesAsync(lifetime, default);

        Assert.Equal(["a"], cached.Select(s => s.Id));
        Assert.Equal(["a", "b", "c"], afterOwnWrite.Select(s => s.Id).Order());
        Assert.Equal(["a", "b", "c", "d"], afterLifetime.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task Markets_RecentSnapshot_SeesOwnCursorMovesAtOnce()
    {
        var time = new FakeTimeProvider(At);
        var store = new ConfigStore(_tables, time);
        await store.UpsertMarketAsync(new MarketConfig("binance", BtcUsdt, Timeframe.OneMinute, true), default);
        Assert.Null(Assert.Single(await store.ListMarketsAsync(TimeSpan.FromSeconds(5), default)).LastCandleTime);

        await store.SetLastCandleTimeAsync("binance", BtcUsdt, Timeframe.OneMinute, At, default);

        Assert.Equal(At, Assert.Single(await store.ListMarketsAsync(TimeSpan.FromSeconds(5), default)).LastCandleTime);
    }

    [Fact]
    public async Task Inbox_LargeOutputs_RoundTripAcrossColumns()
    {
        var store = new InboxStore(_tables);
        var outputs = "[" + string.Join(',', Enumerable.Repeat("\"" + new string('x', 1000) + "\"", 70)) + "]";

        var first = await store.RecordAsync("EvaluateStrategies", "candle:a", "candle:a", outputs, At, default);
        var second = await store.RecordAsync("EvaluateStrategies", "candle:a", "candle:a", "[]", At, default);

        Assert.Null(first);
        Assert.Equal(outputs, second); // the first record wins and is handed back for replay
        Assert.Equal(outputs, await store.FindAsync("EvaluateStrategies", "candle:a", default));
        Assert.Null(await store.FindAsync("EvaluateStrategies", "candle:b", default));
    }

    [Fact]
    public async Task Poison_SameMessageTwice_OneRecordWithTheLatestDelivery()
    {
        var store = new PoisonStore(_tables);
        var record = new PoisonRecord("ApplyRisk", PoisonStore.KeyFor(null, "not json"), "not JSON", "not json", At) { DeliveryCount = 1 };

        await store.RecordAsync(record, default);
        await store.RecordAsync(record with { DeliveryCount = 2 }, default);

        var stored = Assert.Single(await store.ListAsync("ApplyRisk", default));
        Assert.Equal(2, stored.DeliveryCount);
        Assert.Equal("not JSON", stored.Reason);
    }

    [Fact]
    public async Task Signals_SavedTwice_OneRowPerSignal()
    {
        var store = new SignalStore(_tables);
        var candle = CandleClosed.For("binance", BtcUsdt, Timeframe.OneMinute, Bar(0, 100m));
        var signal = SignalRaised.For(candle, "s1", "sma-cross", StrategySignal.Long("cross"));

        await store.SaveAsync([signal], default);
        await store.SaveAsync([signal], default);

        Assert.Equal([signal], await store.ListDayAsync(new DateOnly(2026, 1, 10), default));
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Strategies;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Risk;

[Collection(AzuriteTests.Name)]
public sealed class RiskStateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private readonly RiskStateStore _books = new(StoreFactory.Tables(azurite));

    [Fact]
    public async Task Save_FullState_RoundTripsExactly()
    {
        var state = RiskState.Start(10_000.5m).Apply(new RiskEvent[]
        {
            new TradingHalted(At, RiskReason.DailyLossLimit, new DateOnly(2026, 1, 10), HaltReset.NextDay, "lost 5 %"),
            new OrderPlaced(At, BtcUsdt, RiskOrderPurpose.Entry),
            new PositionClosed(At, BtcUsdt, true),
            new ExitLevelsSet(At, BtcUsdt, new ExitLevels(true, 90m, 120m, 95m, PriceDistance.Fraction(0.05m))),
        });
        var candle = CandleClosed.For("binance", BtcUsdt, Timeframe.OneMinute, new Candle(At, 100m, 100m, 100m, 100m, 1m));
        var order = OrderApproved.For(SignalRaised.For(candle, "s1", "sma-cross", StrategySignal.Long("x")), OrderSide.Buy, 0.1m, At);
        var book = new RiskBook("paper-binance", state)
        {
            Day = new DateOnly(2026, 1, 10),
            DayStartEquity = 9_999.99m,
            Pending = ImmutableDictionary<string, PendingOrder>.Empty.Add(order.Id,
                new PendingOrder(order, RiskOrderPurpose.Entry) { Exits = new ExitPlan(PriceDistance.Fraction(0.1m), null, null) }),
        };

        await _books.SaveAsync(book, default);
        var stored = await _books.GetAsync("paper-binance", default);

        Assert.NotNull(stored);
        Assert.Equal(state.Halts, stored.State.Halts);
        Assert.Equal(state.ExitLevels[BtcUsdt], stored.State.ExitLevels[BtcUsdt]);
        Assert.Equal(state.StopOuts, stored.State.StopOuts);
        Assert.Equal(state.OrderTimes, stored.State.OrderTimes);
        Assert.Equal(state.EquityPeak, stored.State.EquityPeak);
        Assert.Equal(9_999.99m, stored.DayStartEquity);
        Assert.Equal(order, stored.Pending[order.Id].Order);
        Assert.Equal(PriceDistance.Fraction(0.1m), stored.Pending[order.Id].Exits!.StopLoss);
    }

    [Fact]
    public async Task Save_TwoWritersFromTheSameVersion_SecondIsAConflict()
    {
        await _books.SaveAsync(new RiskBook("paper-binance", RiskState.Start(100m)), default);
        var read = (await _books.GetAsync("paper-binance", default))!;

        await _books.SaveAsync(read with { DayStartEquity = 1m }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _books.SaveAsync(read with { DayStartEquity = 2m }, default));
    }

    [Fact]
    public async Task GetRecent_WithinTheLifetime_IsTheBookLastSavedHereWithoutReading()
    {
        var time = new FakeTimeProvider(At);
        var tables = StoreFactory.Tables(azurite);
        var books = new RiskStateStore(tables, time: time);
        var elsewhere = new RiskStateStore(tables, time: time); // another instance
        var saved = await books.SaveAsync(new RiskBook("paper-binance", RiskState.Start(100m)), default);
        await elsewhere.SaveAsync((await elsewhere.GetAsync("paper-binance", default))! with { DayStartEquity = 7m }, default);

        var recent = await books.GetRecentAsync("paper-binance", TimeSpan.FromSeconds(2), default);
        time.Advance(TimeSpan.FromSeconds(3));
        var later = await books.GetRecentAsync("paper-binance", TimeSpan.FromSeconds(2), default);

        Assert.Equal(saved.ETag, recent!.ETag);
        Assert.Equal(0m, recent.DayStartEquity);
        Assert.Equal(7m, later!.DayStartEquity);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => books.SaveAsync(recent with { DayStartEquity = 1m }, default));
    }

    [Fact]
    public async Task GetRecent_AfterALostRace_ReadsTheStoredBook()
    {
        var tables = StoreFactory.Tables(azurite);
        var books = new RiskStateStore(tables);
        var elsewhere = new RiskStateStore(tables);
        var saved = await books.SaveAsync(new RiskBook("paper-binance", RiskState.Start(100m)), default);
        await elsewhere.SaveAsync((await elsewhere.GetAsync("paper-binance", default))! with { DayStartEquity = 7m }, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => books.SaveAsync(saved with { DayStartEquity = 1m }, default));

        var recent = await books.GetRecentAsync("paper-binance", TimeSpan.MaxValue, default);

        Assert.Equal(7m, recent!.DayStartEquity);
    }

    [Fact]
    public async Task Lock_SecondHolderWaitsForTheFirst()
    {
        using var first = await _books.LockAsync("paper-binance", default);
        var second = _books.LockAsync("paper-binance", default);
        using var other = await _books.LockAsync("paper-coinbase", default).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Save_TwoCreators_SecondIsAConflict()
    {
        await _books.SaveAsync(new RiskBook("paper-x", RiskState.Start(100m)), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _books.SaveAsync(new RiskBook("paper-x", RiskState.Start(200m)), default));
    }

    [Fact]
    public async Task List_EveryAccount_WithTheFlattenRequest()
    {
        var at = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
        await _books.SaveAsync(new RiskBook("paper-b", RiskState.Start(5m)) { FlattenRequestedAt = at }, default);
        await _books.SaveAsync(new RiskBook("paper-a", RiskState.Start(7m)), default);

        var books = await _books.ListAsync(default);

        Assert.Equal(["paper-a", "paper-b"], books.Select(b => b.Account));
        Assert.Null(books[0].FlattenRequestedAt);
        Assert.Equal(at, books[1].FlattenRequestedAt);
    }
}

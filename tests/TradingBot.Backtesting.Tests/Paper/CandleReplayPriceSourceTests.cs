using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Paper;

public sealed class CandleReplayPriceSourceTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");

    private static CandleReplayPriceSource Source(FakeTimeProvider time)
    {
        var candles = Candles.FromCloses(TimeSpan.FromHours(1), 100m, 110m, 120m);
        var market = new Market("BTCUSDT", BtcUsdt, new MarketPrecision(0.001m, 0.01m), new MarketLimits());
        return new CandleReplayPriceSource(new Dictionary<Symbol, IReadOnlyList<Candle>> { [BtcUsdt] = candles },
            new Dictionary<Symbol, Market> { [BtcUsdt] = market }, Timeframe.OneHour, time, spread: 0m);
    }

    [Fact]
    public async Task GetQuoteAsync_InsideACandle_UsesItsOpenNeverItsFutureClose()
    {
        var time = new FakeTimeProvider(Candles.DefaultStart.AddMinutes(90));

        var quote = await Source(time).GetQuoteAsync(BtcUsdt, CancellationToken.None);

        Assert.Equal(100m, quote.Last);
    }

    [Fact]
    public async Task GetQuoteAsync_AfterTheLastCandle_UsesItsClose()
    {
        var time = new FakeTimeProvider(Candles.DefaultStart.AddHours(5));

        var quote = await Source(time).GetQuoteAsync(BtcUsdt, CancellationToken.None);

        Assert.Equal(120m, quote.Last);
    }

    [Fact]
    public async Task GetCandlesAsync_OnlyClosedCandlesUpToNow()
    {
        var time = new FakeTimeProvider(Candles.DefaultStart.AddMinutes(150));

        var candles = await Source(time).GetCandlesAsync(BtcUsdt, Timeframe.OneHour, null, null, CancellationToken.None);

        Assert.Equal([100m, 110m], candles.Select(c => c.Close));
    }

    [Fact]
    public async Task GetQuoteAsync_BeforeTheReplayStarts_ExchangeNotAvailable()
    {
        var time = new FakeTimeProvider(Candles.DefaultStart.AddHours(-1));

        await Assert.ThrowsAsync<ExchangeNotAvailable>(() => Source(time).GetQuoteAsync(BtcUsdt, CancellationToken.None));
    }
}

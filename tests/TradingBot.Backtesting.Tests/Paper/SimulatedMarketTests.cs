using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Paper;

public sealed class SimulatedMarketTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void QuoteAt_SameSeedAndTime_SameQuoteWhateverWasAskedBefore()
    {
        var time = new FakeTimeProvider(Origin);
        var a = new SimulatedMarket(7, time, origin: Origin);
        var b = new SimulatedMarket(7, time, origin: Origin);
        var t = Origin.AddDays(3).AddMinutes(17).AddSeconds(30);

        a.QuoteAt(BtcUsdt, Origin.AddDays(5));
        var fromA = a.QuoteAt(BtcUsdt, t);
        var fromB = b.QuoteAt(BtcUsdt, t);

        Assert.Equal(fromA, fromB);
        Assert.NotEqual(fromA, new SimulatedMarket(8, time, origin: Origin).QuoteAt(BtcUsdt, t));
    }

    [Fact]
    public void QuoteAt_Always_BidBelowAskOnTheTickWithTheSpread()
    {
        var market = new SimulatedMarket(1, new FakeTimeProvider(Origin), origin: Origin);

        for (var minute = 0; minute < 3000; minute += 37)
        {
            var quote = market.QuoteAt(BtcUsdt, Origin.AddMinutes(minute).AddSeconds(13));

            Assert.True(quote.Bid < quote.Ask);
            Assert.Equal(0m, quote.Bid % 0.01m);
            Assert.Equal(0m, quote.Ask % 0.01m);
            Assert.InRange((quote.Ask - quote.Bid) / quote.Mid, 0.0001m, 0.0004m);
        }
    }

    [Fact]
    public async Task GetCandlesAsync_HourlyOverTwoDays_ConsistentOhlcFromClosedMinutesOnly()
    {
        var time = new FakeTimeProvider(Origin.AddDays(2).AddMinutes(30));
        var market = new SimulatedMarket(3, time, origin: Origin);

        var candles = await market.GetCandlesAsync(BtcUsdt, Timeframe.OneHour, Origin, null, CancellationToken.None);

        Assert.Equal(49, candles.Count);
        Assert.All(candles, c => Assert.Null(c.Validate()));
        Assert.True(candles.Zip(candles.Skip(1)).All(p => p.First.Close == p.Second.Open));
        Assert.Equal(Origin.AddDays(2), candles[^1].Time);
        var minutes = await market.GetCandlesAsync(BtcUsdt, Timeframe.OneMinute, Origin.AddDays(2), null, CancellationToken.None);
        Assert.Equal(30, minutes.Count);
        Assert.Equal(minutes.Max(m => m.High), candles[^1].High);
    }

    [Fact]
    public async Task GetCandlesAsync_Daily_RealisticVolatility()
    {
        var time = new FakeTimeProvider(Origin.AddDays(200));
        var market = new SimulatedMarket(11, time, origin: Origin);

        var days = await market.GetCandlesAsync(BtcUsdt, Timeframe.OneDay, Origin, 200, CancellationToken.None);

        var returns = days.Zip(days.Skip(1)).Select(p => Math.Log((double)(p.Second.Close / p.First.Close))).ToArray();
        var mean = returns.Average();
        var annualised = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1)) * Math.Sqrt(365);
        Assert.Equal(200, days.Count);
        Assert.InRange(annualised, 0.4, 0.8);
    }

    [Fact]
    public async Task PaperExchange_OnSimulatedMarket_TradesAndServesCandles()
    {
        var time = new FakeTimeProvider(Origin.AddHours(5));
        var paper = new PaperExchange(new SimulatedMarket(5, time, origin: Origin), new InMemoryPaperAccountStore(), new PaperOptions(), time);

        var order = await paper.CreateOrderAsync(new CreateOrderRequest(new Symbol("ETH", "USDT"), OrderType.Market, OrderSide.Buy, "sim-1") { QuoteAmount = 500m });
        var candles = await paper.FetchOhlcvAsync(BtcUsdt, Timeframe.Parse("15m"), limit: 10);
        var ticker = await paper.FetchTickerAsync(BtcUsdt);

        Assert.Equal(OrderStatus.Closed, order.Status);
        Assert.InRange(order.Cost!.Value, 499m, 500m);
        Assert.Equal(10, candles.Count);
        Assert.Equal(Origin.AddHours(5).AddMinutes(-15), candles[^1].Time);
        Assert.True(ticker.Bid < ticker.Ask);
        Assert.Equal(Capability.Yes, paper.Has.FetchOhlcv);
    }

    [Fact]
    public async Task GetQuoteAsync_UnknownSymbol_BadSymbol()
    {
        var market = new SimulatedMarket(1, new FakeTimeProvider(Origin), origin: Origin);

        await Assert.ThrowsAsync<BadSymbol>(() => market.GetQuoteAsync(new Symbol("DOGE", "EUR"), CancellationToken.None));
    }
}

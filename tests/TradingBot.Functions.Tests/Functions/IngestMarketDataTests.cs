using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Candles;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class IngestMarketDataTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PipelineHost _host = PipelineHost.Create(azurite);

    public void Dispose() => _host.Dispose();

    private Task<IReadOnlyList<Candle>> StoredAsync() => _host.Service<CandleStore>()
        .GetRangeAsync(PipelineHost.VenueId, Scenario.BtcUsdt, Timeframe.OneMinute, PipelineHost.Start.AddHours(-2), PipelineHost.Start.AddHours(1), default);

    [Fact]
    public async Task Run_ClosedCandles_AreStoredAndPublishedOnceEach()
    {
        await Scenario.ConfigureAsync(_host);
        var bars = Scenario.Bars(PipelineHost.Start.AddMinutes(-70).AddSeconds(-30), [.. Enumerable.Range(0, 71).Select(i => 100m + i)]);
        _host.Venue.SetCandles(Scenario.BtcUsdt, Timeframe.OneMinute, bars);

        var first = await _host.TickAsync(nameof(IngestMarketData));
        var second = await _host.TickAsync(nameof(IngestMarketData));

        var published = first.Messages<CandleClosed>(IngestMarketData.Output);
        Assert.Equal(60, published.Count);
        Assert.Equal(PipelineHost.Start.AddSeconds(-30).AddMinutes(-1), published[^1].OpenTime);
        Assert.Equal(published.Count, published.Select(c => c.Id).Distinct().Count());
        Assert.Empty(second.Bodies(IngestMarketData.Output));
        Assert.Equal(published.Select(c => c.Candle), await StoredAsync());
    }

    [Fact]
    public async Task Run_AfterMissedRuns_BackFillsTheGapWithoutDuplicates()
    {
        await Scenario.ConfigureAsync(_host);
        var bars = Scenario.Bars(PipelineHost.Start.AddMinutes(-3).AddSeconds(-30), 1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m);
        _host.Venue.SetCandles(Scenario.BtcUsdt, Timeframe.OneMinute, bars);
        await _host.TickAsync(nameof(IngestMarketData));

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await _host.TickAsync(nameof(IngestMarketData));

        Assert.Equal([4m, 5m, 6m, 7m, 8m], later.Messages<CandleClosed>(IngestMarketData.Output).Select(c => c.Close));
        Assert.Equal(8, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Run_VenueWithoutCandles_AggregatesSampledBestBidAsk()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Venue.Has = new ExchangeCapabilities { FetchOhlcv = Capability.No };
        _host.Venue.SetQuote(Scenario.BtcUsdt, 99m, 101m);
        _host.Time.Advance(TimeSpan.FromSeconds(35)); // 12:01:05
        await _host.TickAsync(nameof(IngestMarketData));
        _host.Time.Advance(TimeSpan.FromSeconds(20));
        _host.Venue.SetQuote(Scenario.BtcUsdt, 104m, 106m);
        await _host.TickAsync(nameof(IngestMarketData));
        _host.Time.Advance(TimeSpan.FromSeconds(20));
        _host.Venue.SetQuote(Scenario.BtcUsdt, 96m, 98m);
        await _host.TickAsync(nameof(IngestMarketData));

        _host.Time.Advance(TimeSpan.FromSeconds(20)); // 12:02:05: the 12:01 bar is complete
        var reply = await _host.TickAsync(nameof(IngestMarketData));

        var candle = Assert.Single(reply.Messages<CandleClosed>(IngestMarketData.Output));
        Assert.Equal(new Candle(new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero), 100m, 105m, 97m, 97m, 0m), candle.Candle);
    }

    [Fact]
    public async Task Run_VenueOutage_SkipsTheMarketAndAnswers2xx()
    {
        await Scenario.ConfigureAsync(_host);
        _host.Venue.SetCandles(Scenario.BtcUsdt, Timeframe.OneMinute, Scenario.CrossUp());
        _host.Venue.FailAccountAndMarketData(1);

        var failed = await _host.TickAsync(nameof(IngestMarketData));
        var recovered = await _host.TickAsync(nameof(IngestMarketData));

        Assert.Equal(System.Net.HttpStatusCode.OK, failed.Status);
        Assert.Empty(failed.Bodies(IngestMarketData.Output));
        Assert.Equal(6, recovered.Bodies(IngestMarketData.Output).Count);
    }
}

using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Ingestion;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Telemetry;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// One ingestion run: for every enabled market, the closed candles after the stored cursor (so missed runs are
/// back-filled) — fetched from the venue, or aggregated from sampled best bid/ask where the venue has no candles —
/// are upserted (no duplicates), the cursor advances, and one <see cref="CandleClosed"/> per new candle is returned.
/// A market whose venue or storage fails is skipped this run (logged) and catches up on the next.
/// </summary>
public sealed class MarketDataIngestor(ConfigStore config, CandleStore candles, QuoteSampleStore samples, IVenues venues, TimeProvider time,
    IOptions<PipelineOptions> options, PipelineMetrics metrics, ILogger<MarketDataIngestor> logger)
{
    public async Task<IReadOnlyList<CandleClosed>> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var events = new List<CandleClosed>();
        foreach (var market in (await config.ListMarketsAsync(ct)).Where(m => m.Enabled))
        {
            try
            {
                events.AddRange(await IngestAsync(market, now, ct));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && (Failures.IsTransient(ex) || ex is ExchangeError))
            {
                logger.IngestFailed(ex, market.Venue, market.Symbol, market.Timeframe, ex.GetType().Name);
            }
        }

        return events;
    }

    private async Task<IReadOnlyList<CandleClosed>> IngestAsync(MarketConfig market, DateTimeOffset now, CancellationToken ct)
    {
        var window = new CandleWindow(market.Timeframe, options.Value.BackfillBars);
        var since = window.Since(market.LastCandleTime, now);
        if (since > window.LastClosedOpenTime(now))
        {
            return [];
        }

        var exchange = venues.MarketData(market.Venue);
        var fetched = exchange.Has.FetchOhlcv == Capability.No
            ? await SampleAsync(exchange, market, since, now, ct)
            : await exchange.FetchOhlcvAsync(market.Symbol, market.Timeframe, since, null, ct);
        var fresh = new List<Candle>();
        foreach (var candle in window.SelectNew(fetched, market.LastCandleTime, now))
        {
            if (candle.Validate() is { } error)
            {
                logger.CandleRejected(market.Venue, market.Symbol, candle.Time, error);
                continue;
            }

            fresh.Add(candle);
        }

        if (fresh.Count == 0)
        {
            return [];
        }

        await candles.UpsertAsync(market.Venue, market.Symbol, market.Timeframe, fresh, ct);
        await config.SetLastCandleTimeAsync(market.Venue, market.Symbol, market.Timeframe, fresh[^1].Time, ct);
        metrics.CandlesIngested(market.Venue, market.Symbol.ToString(), market.Timeframe.ToString(), fresh.Count);
        logger.CandlesIngested(market.Venue, market.Symbol, market.Timeframe, fresh.Count, fresh[^1].Time);
        return [.. fresh.Select(c => CandleClosed.For(market.Venue, market.Symbol, market.Timeframe, c))];
    }

    /// <summary>Records the current best bid/ask and aggregates the stored samples into the complete bars since <paramref name="since"/>.</summary>
    private async Task<IReadOnlyList<Candle>> SampleAsync(IExchange exchange, MarketConfig market, DateTimeOffset since, DateTimeOffset now,
        CancellationToken ct)
    {
        var ticker = await exchange.FetchTickerAsync(market.Symbol, ct);
        var (bid, ask) = (ticker.Bid, ticker.Ask);
        if (bid is null || ask is null)
        {
            var book = await exchange.FetchOrderBookAsync(market.Symbol, 1, ct);
            (bid, ask) = (book.BestBid, book.BestAsk);
        }

        if (bid is > 0m && ask is > 0m && ask >= bid)
        {
            await samples.AddAsync(market.Venue, market.Symbol, new QuoteSample(now, bid.Value, ask.Value), ct);
        }
        else
        {
            logger.QuoteUnusable(market.Venue, market.Symbol, bid, ask);
        }

        var stored = await samples.GetAsync(market.Venue, market.Symbol, since, now, ct);
        await samples.DeleteOlderThanAsync(market.Venue, market.Symbol, now - options.Value.QuoteSampleRetention, ct);
        return CandleAggregator.Aggregate(stored, market.Timeframe, since, now);
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>Paper trading against a live venue's real markets and quotes (its tickers' bid/ask), without sending orders there.</summary>
public sealed class LiveVenuePriceSource(IExchange venue) : IPriceSource
{
    public IReadOnlyList<Timeframe> Timeframes => venue.Timeframes;

    public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(CancellationToken ct) => venue.LoadMarketsAsync(false, ct);

    public async Task<Quote> GetQuoteAsync(Symbol symbol, CancellationToken ct)
    {
        var ticker = await venue.FetchTickerAsync(symbol, ct);
        var last = ticker.Last ?? ticker.Mid;
        var bid = ticker.Bid ?? last;
        var ask = ticker.Ask ?? last;
        return bid is { } b && ask is { } a
            ? new Quote(symbol, b, a, last ?? (b + a) / 2m, ticker.Timestamp)
            : throw new BadResponse($"paper: {venue.Id} sent no price for {symbol}.") { Venue = VenueIds.Paper };
    }

    public Task<IReadOnlyList<Candle>> GetCandlesAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since, int? limit, CancellationToken ct) =>
        venue.FetchOhlcvAsync(symbol, timeframe, since, limit, ct);
}

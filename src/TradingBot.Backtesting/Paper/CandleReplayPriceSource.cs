using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>
/// Replays recorded candles as the paper venue's prices: at time t the price is the close of the last candle that has
/// closed by t (or the open of the candle in progress), so nothing from the future leaks. Bid/ask are the price ∓ half
/// the spread, rounded to the market's tick; candles are served up to t.
/// </summary>
public sealed class CandleReplayPriceSource : IPriceSource
{
    private readonly Dictionary<Symbol, Candle[]> _candles;
    private readonly IReadOnlyDictionary<Symbol, Market> _markets;
    private readonly Timeframe _timeframe;
    private readonly TimeProvider _time;
    private readonly decimal _spread;

    public CandleReplayPriceSource(IReadOnlyDictionary<Symbol, IReadOnlyList<Candle>> candles, IReadOnlyDictionary<Symbol, Market> markets,
        Timeframe timeframe, TimeProvider time, decimal spread = 0.0002m)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentOutOfRangeException.ThrowIfNegative(spread);
        foreach (var symbol in candles.Keys.Where(s => !markets.ContainsKey(s)))
        {
            throw new ArgumentException($"No market definition for {symbol}.", nameof(markets));
        }

        _candles = candles.ToDictionary(kv => kv.Key, kv => kv.Value.OrderBy(c => c.Time).ToArray());
        _markets = markets;
        _timeframe = timeframe;
        _time = time;
        _spread = spread;
    }

    public IReadOnlyList<Timeframe> Timeframes => [_timeframe];

    public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(CancellationToken ct) => Task.FromResult(_markets);

    public Task<Quote> GetQuoteAsync(Symbol symbol, CancellationToken ct)
    {
        var candles = Candles(symbol);
        var now = _time.GetUtcNow();
        var index = LastStartedAt(candles, now);
        if (index < 0)
        {
            throw new ExchangeNotAvailable($"paper: the replay of {symbol} starts at {candles.FirstOrDefault().Time:O}, after {now:O}.") { Venue = VenueIds.Paper };
        }

        var candle = candles[index];
        var price = now >= candle.Time + _timeframe.Duration ? candle.Close : candle.Open;
        var tick = _markets[symbol].Precision.PriceTick;
        var half = price * _spread / 2m;
        var bid = Precision.Floor(price - half, tick);
        var ask = Precision.Ceiling(price + half, tick);
        return Task.FromResult(new Quote(symbol, bid, ask <= bid ? bid + tick : ask, price, now));
    }

    public Task<IReadOnlyList<Candle>> GetCandlesAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since, int? limit, CancellationToken ct)
    {
        if (timeframe != _timeframe)
        {
            throw new BadRequest($"paper: the replay holds {_timeframe} candles, not {timeframe}.") { Venue = VenueIds.Paper };
        }

        var now = _time.GetUtcNow();
        var closed = Candles(symbol).Where(c => c.Time + _timeframe.Duration <= now && (since is null || c.Time >= since)).ToList();
        var count = limit ?? (since is null ? 500 : closed.Count);
        IReadOnlyList<Candle> result = since is null ? closed.TakeLast(count).ToList() : closed.Take(count).ToList();
        return Task.FromResult(result);
    }

    private Candle[] Candles(Symbol symbol) => _candles.TryGetValue(symbol, out var candles)
        ? candles
        : throw new BadSymbol($"paper: no replay candles for {symbol}.") { Venue = VenueIds.Paper };

    private static int LastStartedAt(Candle[] candles, DateTimeOffset time)
    {
        int lo = 0, hi = candles.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (candles[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>
/// A seeded market for the paper venue when nothing external is available (the local demo). Each symbol follows a
/// geometric Brownian motion (zero median drift, the symbol's annual volatility) from <see cref="Origin"/>: daily
/// closes are log-normal steps and each day's 1-minute path is a Brownian bridge between them, every draw seeded from
/// (seed, symbol, day), so a price depends only on the seed and the time asked about — never on call order.
/// Quotes interpolate within the current minute and carry the symbol's bid/ask spread; candles of any multiple of a
/// minute are aggregated from closed minutes up to the <see cref="TimeProvider"/>'s now.
/// </summary>
public sealed class SimulatedMarket : IPriceSource
{
    /// <summary>Default first simulated minute.</summary>
    public static readonly DateTimeOffset DefaultOrigin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int MinutesPerDay = 1440;
    private const int CachedDays = 8;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly int _seed;
    private readonly TimeProvider _time;
    private readonly Dictionary<Symbol, Series> _series;
    private readonly IReadOnlyDictionary<Symbol, Market> _markets;

    public SimulatedMarket(int seed, TimeProvider time, IEnumerable<SimulatedSymbol>? symbols = null, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _seed = seed;
        _time = time;
        Origin = Timeframe.OneDay.Floor(origin ?? DefaultOrigin);
        var list = (symbols ?? SimulatedSymbol.Defaults).ToList();
        _series = list.ToDictionary(s => s.Symbol, s => new Series(s));
        _markets = list.ToDictionary(s => s.Symbol, s => new Market(s.Symbol.Base + s.Symbol.Quote, s.Symbol, s.Precision, s.Limits));
    }

    public DateTimeOffset Origin { get; }

    public IReadOnlyList<Timeframe> Timeframes { get; } =
        [.. new[] { "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d" }.Select(Timeframe.Parse)];

    public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(CancellationToken ct) => Task.FromResult(_markets);

    public Task<Quote> GetQuoteAsync(Symbol symbol, CancellationToken ct) => Task.FromResult(QuoteAt(symbol, _time.GetUtcNow()));

    /// <summary>The quote at any time (deterministic for a seed).</summary>
    public Quote QuoteAt(Symbol symbol, DateTimeOffset time)
    {
        var series = SeriesOf(symbol);
        var tick = series.Definition.Precision.PriceTick;
        decimal mid;
        if (time < Origin)
        {
            mid = series.Definition.StartPrice;
        }
        else
        {
            var index = MinuteIndex(time);
            var bar = Bar(series, index);
            var fraction = (decimal)((time - bar.Time).Ticks / (double)Minute.Ticks);
            mid = bar.Open + ((bar.Close - bar.Open) * fraction);
        }

        var half = mid * series.Definition.Spread / 2m;
        var bid = Precision.Floor(mid - half, tick);
        var ask = Precision.Ceiling(mid + half, tick);
        if (ask <= bid)
        {
            ask = bid + tick;
        }

        return new Quote(symbol, Math.Max(bid, tick), ask, Precision.Round(mid, tick), time);
    }

    public Task<IReadOnlyList<Candle>> GetCandlesAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since, int? limit, CancellationToken ct)
    {
        var series = SeriesOf(symbol);
        if (timeframe.Duration.Ticks % Minute.Ticks != 0)
        {
            throw new BadRequest($"paper: the simulated market serves whole-minute candles, not {timeframe}.") { Venue = VenueIds.Paper };
        }

        var now = _time.GetUtcNow();
        var count = limit ?? 500;
        var start = since is { } s
            ? (timeframe.Floor(s) < s ? timeframe.Floor(s) + timeframe.Duration : s)
            : timeframe.Floor(Timeframe.OneMinute.Floor(now) - Minute) - (timeframe.Duration * (count - 1));
        if (start < Origin)
        {
            start = timeframe.Floor(Origin) < Origin ? timeframe.Floor(Origin) + timeframe.Duration : Origin;
        }

        var minutesPerCandle = timeframe.Duration.Ticks / Minute.Ticks;
        var candles = new List<Candle>();
        for (var open = start; open + Minute <= now && candles.Count < count; open += timeframe.Duration)
        {
            ct.ThrowIfCancellationRequested();
            var first = MinuteIndex(open);
            Candle? candle = null;
            for (var k = 0L; k < minutesPerCandle; k++)
            {
                var bar = Bar(series, first + k);
                if (bar.Time + Minute > now)
                {
                    break;
                }

                candle = candle is { } c
                    ? c with { High = Math.Max(c.High, bar.High), Low = Math.Min(c.Low, bar.Low), Close = bar.Close, Volume = c.Volume + bar.Volume }
                    : bar with { Time = open };
            }

            if (candle is null)
            {
                break;
            }

            candles.Add(candle.Value);
        }

        return Task.FromResult<IReadOnlyList<Candle>>(candles);
    }

    private long MinuteIndex(DateTimeOffset time) => (time - Origin).Ticks / Minute.Ticks;

    private Series SeriesOf(Symbol symbol) => _series.TryGetValue(symbol, out var series)
        ? series
        : throw new BadSymbol($"paper: the simulated market has no {symbol} (it has {string.Join(", ", _series.Keys)}).") { Venue = VenueIds.Paper };

    private Candle Bar(Series series, long minute)
    {
        var day = minute / MinutesPerDay;
        return Day(series, day)[(int)(minute % MinutesPerDay)];
    }

    private Candle[] Day(Series series, long day)
    {
        lock (series)
        {
            if (series.Days.TryGetValue(day, out var cached))
            {
                return cached;
            }

            var generated = Generate(series, day);
            if (series.Days.Count >= CachedDays)
            {
                series.Days.Remove(series.Days.Keys.Min());
            }

            series.Days[day] = generated;
            return generated;
        }
    }

    /// <summary>
    /// The close of day <paramref name="day"/> (the open of the next): a log-normal daily step from the previous close,
    /// drawn from the day's own seed. Only these anchors are walked sequentially (one draw per day), so any day can be
    /// generated quickly however far it is from the origin.
    /// </summary>
    private decimal Close(Series series, long day)
    {
        var definition = series.Definition;
        var sigma = definition.AnnualVolatility * Math.Sqrt(1.0 / 365.0);
        while (series.Closes.Count <= day)
        {
            var k = series.Closes.Count;
            var previous = k == 0 ? definition.StartPrice : series.Closes[k - 1];
            var step = sigma * Gaussian(new Random(DaySeed(definition.Symbol, k, "close")));
            series.Closes.Add(RoundPrice(definition, (double)previous * Math.Exp(step)));
        }

        return series.Closes[(int)day];
    }

    /// <summary>
    /// The day's 1-minute bars: a Brownian bridge (4 sub-steps a minute, the symbol's volatility) from the previous
    /// day's close to this day's close, so intraday moves are realistic and consecutive days join exactly.
    /// </summary>
    private Candle[] Generate(Series series, long day)
    {
        const int subSteps = 4;
        const int steps = MinutesPerDay * subSteps;
        var definition = series.Definition;
        var open = day == 0 ? definition.StartPrice : Close(series, day - 1);
        var close = Close(series, day);
        var random = new Random(DaySeed(definition.Symbol, day, "path"));
        var sigma = definition.AnnualVolatility * Math.Sqrt(1.0 / (365.0 * steps));
        var walk = new double[steps + 1];
        for (var i = 1; i <= steps; i++)
        {
            walk[i] = walk[i - 1] + (sigma * Gaussian(random));
        }

        var target = Math.Log((double)close / (double)open);
        var prices = new decimal[steps + 1];
        for (var i = 0; i <= steps; i++)
        {
            var bridged = walk[i] - ((double)i / steps * (walk[steps] - target));
            prices[i] = i == 0 ? open : i == steps ? close : RoundPrice(definition, (double)open * Math.Exp(bridged));
        }

        var start = Origin + TimeSpan.FromDays(day);
        var bars = new Candle[MinutesPerDay];
        for (var m = 0; m < MinutesPerDay; m++)
        {
            var window = prices.AsSpan(m * subSteps, subSteps + 1);
            var high = window[0];
            var low = window[0];
            foreach (var price in window)
            {
                high = Math.Max(high, price);
                low = Math.Min(low, price);
            }

            var volume = Math.Round((decimal)Math.Exp(3.0 + Gaussian(random)), 6);
            bars[m] = new Candle(start + (Minute * m), window[0], high, low, window[^1], volume);
        }

        return bars;
    }

    private static decimal RoundPrice(SimulatedSymbol definition, double price)
    {
        var tick = definition.Precision.PriceTick;
        return Math.Max(Precision.Round((decimal)price, tick), tick);
    }

    private static double Gaussian(Random random)
    {
        double u, v, s;
        do
        {
            u = (random.NextDouble() * 2.0) - 1.0;
            v = (random.NextDouble() * 2.0) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
    }

    /// <summary>A stable (FNV-1a) mix of seed, symbol and day: System.HashCode is randomised per process, so it cannot be used.</summary>
    private int DaySeed(Symbol symbol, long day, string stream)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in $"{_seed}|{symbol}|{day}|{stream}")
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }

    private sealed class Series(SimulatedSymbol definition)
    {
        public SimulatedSymbol Definition { get; } = definition;

        public List<decimal> Closes { get; } = [];

        public Dictionary<long, Candle[]> Days { get; } = [];
    }
}

using TradingBot.Core.Market;

namespace TradingBot.Testing;

/// <summary>Builders for candle series in tests: hand-written bars, flat series and close-only series.</summary>
public static class Candles
{
    public static readonly DateTimeOffset DefaultStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Daily bars with the given closes; open = previous close (first open = first close), high/low span both.</summary>
    public static Candle[] FromCloses(params decimal[] closes) => FromCloses(TimeSpan.FromDays(1), closes);

    public static Candle[] FromCloses(TimeSpan step, params decimal[] closes)
    {
        var candles = new Candle[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var open = i == 0 ? closes[0] : closes[i - 1];
            candles[i] = new Candle(DefaultStart + (step * i), open, Math.Max(open, closes[i]), Math.Min(open, closes[i]), closes[i], 1m);
        }

        return candles;
    }

    /// <summary>Daily bars from explicit (open, high, low, close) tuples.</summary>
    public static Candle[] FromOhlc(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        FromOhlc(TimeSpan.FromDays(1), bars);

    public static Candle[] FromOhlc(TimeSpan step, params (decimal Open, decimal High, decimal Low, decimal Close)[] bars)
    {
        var candles = new Candle[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            var (open, high, low, close) = bars[i];
            candles[i] = new Candle(DefaultStart + (step * i), open, high, low, close, 1m);
        }

        return candles;
    }
}

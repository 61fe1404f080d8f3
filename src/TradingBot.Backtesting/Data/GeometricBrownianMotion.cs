using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Data;

/// <summary>
/// A seeded geometric Brownian motion that emits OHLCV bars: each bar walks <see cref="SubSteps"/> log-normal steps
/// (giving a realistic high/low), open = previous close, prices and volume rounded to and written with exactly
/// <see cref="Decimals"/> places. The same
/// seed always yields the same bars (System.Random's seeded algorithm is fixed across .NET versions).
/// </summary>
public sealed class GeometricBrownianMotion
{
    private const double MinutesPerYear = 365.0 * 24 * 60;
    private readonly Random _random;
    private readonly double _volatility;
    private readonly double _drift;
    private double _price;
    private double? _spare;

    public GeometricBrownianMotion(int seed, decimal startPrice = 100m, double annualVolatility = 0.8, double annualDrift = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(annualVolatility);
        _random = new Random(seed);
        _price = (double)startPrice;
        _volatility = annualVolatility;
        _drift = annualDrift;
    }

    public int SubSteps { get; init; } = 4;

    public int Decimals { get; init; } = 6;

    /// <summary>The last close.</summary>
    public decimal Price => Round(_price);

    /// <summary>Walks one bar of length <paramref name="step"/> starting at <paramref name="time"/>.</summary>
    public Candle Next(DateTimeOffset time, TimeSpan step)
    {
        var years = step.TotalMinutes / MinutesPerYear / SubSteps;
        var sigma = _volatility * Math.Sqrt(years);
        var mu = (_drift - (0.5 * _volatility * _volatility)) * years;
        var open = Round(_price);
        var high = open;
        var low = open;
        for (var k = 0; k < SubSteps; k++)
        {
            _price *= Math.Exp(mu + (sigma * NextGaussian()));
            var rounded = Round(_price);
            high = Math.Max(high, rounded);
            low = Math.Min(low, rounded);
        }

        var close = Round(_price);
        var volume = WithScale(Math.Round((decimal)Math.Exp(3.0 + NextGaussian()), Decimals));
        return new Candle(time, open, high, low, close, volume);
    }

    /// <summary><paramref name="bars"/> consecutive bars from <paramref name="start"/>.</summary>
    public IEnumerable<Candle> Generate(int bars, DateTimeOffset start, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        for (var i = 0; i < bars; i++)
        {
            yield return Next(start + (step * i), step);
        }
    }

    private decimal Round(double price) => WithScale(Math.Max(Math.Round((decimal)price, Decimals), 1m / Pow10(Decimals)));

    /// <summary>The same value written with exactly <see cref="Decimals"/> places (100 → 100.000000), as in the sample files.</summary>
    private decimal WithScale(decimal value) => value + new decimal(0, 0, 0, false, (byte)Decimals);

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (_random.NextDouble() * 2.0) - 1.0;
            v = (_random.NextDouble() * 2.0) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spare = v * factor;
        return u * factor;
    }
}

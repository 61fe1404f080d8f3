namespace TradingBot.Core.Indicators;

/// <summary>
/// MACD line = EMA(fast) − EMA(slow); signal = EMA(signal) of the MACD line (fed once the slow EMA is ready);
/// histogram = MACD − signal. Both EMAs are SMA-seeded (see <see cref="Ema"/>).
/// </summary>
public sealed class Macd
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        if (fastPeriod >= slowPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(fastPeriod), fastPeriod, "The fast period must be shorter than the slow period.");
        }

        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public bool IsReady => _signal.IsReady;

    public double Line { get; private set; } = double.NaN;

    public double Signal { get; private set; } = double.NaN;

    public double Histogram { get; private set; } = double.NaN;

    public void Update(double value)
    {
        var fast = _fast.Update(value);
        var slow = _slow.Update(value);
        if (!_slow.IsReady)
        {
            return;
        }

        Line = fast - slow;
        Signal = _signal.Update(Line);
        Histogram = _signal.IsReady ? Line - Signal : double.NaN;
    }
}

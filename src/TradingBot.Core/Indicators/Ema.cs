namespace TradingBot.Core.Indicators;

/// <summary>
/// Exponential moving average with <c>alpha = 2 / (period + 1)</c>, seeded with the simple average of the first
/// <c>period</c> values (the TA-Lib / TradingView convention): the first value appears at the period-th input.
/// </summary>
public sealed class Ema
{
    private readonly double _alpha;
    private double _seedSum;
    private int _count;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _alpha = 2.0 / (period + 1);
    }

    public int Period { get; }

    public bool IsReady => _count >= Period;

    public double Value { get; private set; } = double.NaN;

    public double Update(double value)
    {
        if (_count < Period)
        {
            _count++;
            _seedSum += value;
            Value = _count == Period ? _seedSum / Period : double.NaN;
            return Value;
        }

        Value += _alpha * (value - Value);
        return Value;
    }
}

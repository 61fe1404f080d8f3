namespace TradingBot.Core.Indicators;

/// <summary>Simple moving average of the last <c>period</c> values; <see cref="double.NaN"/> until the window is full.</summary>
public sealed class Sma
{
    private readonly RollingSum _sum;

    public Sma(int period) => _sum = new RollingSum(period);

    public int Period => _sum.Period;

    public bool IsReady => _sum.IsFull;

    public double Value { get; private set; } = double.NaN;

    public double Update(double value)
    {
        _sum.Add(value);
        Value = _sum.IsFull ? _sum.Sum / _sum.Period : double.NaN;
        return Value;
    }
}

using System.Runtime.CompilerServices;

namespace TradingBot.Core.Indicators;

/// <summary>Simple moving average of the last <c>period</c> values; <see cref="double.NaN"/> until the window is full.</summary>
public sealed class Sma
{
    private readonly RollingSum _sum;

    public Sma(int period) => _sum = new RollingSum(period);

    public int Period => _sum.Period;

    public bool IsReady => _sum.IsFull;

    public double Value { get; private set; } = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Update(double value)
    {
        var sum = _sum;
        sum.Add(value);
        Value = sum.IsFull ? sum.Sum / sum.Period : double.NaN;
        return Value;
    }
}

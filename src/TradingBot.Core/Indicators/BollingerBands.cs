namespace TradingBot.Core.Indicators;

/// <summary>
/// Bollinger Bands: middle = SMA(period), upper/lower = middle ± k·σ where σ is the population standard deviation
/// (divide by n, as TA-Lib and TradingView do) of the same window.
/// </summary>
public sealed class BollingerBands
{
    private readonly RollingSum _sum;
    private readonly RollingSum _sumOfSquares;

    public BollingerBands(int period, double k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _sum = new RollingSum(period);
        _sumOfSquares = new RollingSum(period);
        K = k;
    }

    public int Period => _sum.Period;

    public double K { get; }

    public bool IsReady => _sum.IsFull;

    public double Middle { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    public double StandardDeviation { get; private set; } = double.NaN;

    public void Update(double value)
    {
        _sum.Add(value);
        _sumOfSquares.Add(value * value);
        if (!_sum.IsFull)
        {
            return;
        }

        var mean = _sum.Sum / Period;
        var variance = Math.Max(0.0, (_sumOfSquares.Sum / Period) - (mean * mean));
        StandardDeviation = Math.Sqrt(variance);
        Middle = mean;
        Upper = mean + (K * StandardDeviation);
        Lower = mean - (K * StandardDeviation);
    }
}

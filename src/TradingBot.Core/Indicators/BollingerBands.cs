namespace TradingBot.Core.Indicators;

/// <summary>
/// Bollinger Bands: middle = SMA(period), upper/lower = middle ± k·σ where σ is the population standard deviation
/// (divide by n, as TA-Lib and TradingView do) of the same window.
/// </summary>
/// <remarks>
/// The window sums are kept relative to a shift near the window's mean and rebuilt from the window every
/// <c>period</c> bars (amortised O(1)). A plain Σx² − n·mean² loses everything to cancellation when the spread is tiny
/// next to the price (a flat window of 90881.84 gave σ ≈ 0.001 instead of 0); with the shift a flat window gives
/// exactly 0 and the error stays relative to the spread, with no drift over long runs.
/// </remarks>
public sealed class BollingerBands
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private int _sinceRebase;
    private double _shift;
    private double _sum;
    private double _sumOfSquares;

    public BollingerBands(int period, double k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _window = new double[period];
        K = k;
    }

    public int Period => _window.Length;

    public double K { get; }

    public bool IsReady => _count == Period;

    public double Middle { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    public double StandardDeviation { get; private set; } = double.NaN;

    public void Update(double value)
    {
        if (_count == 0)
        {
            _shift = value;
        }

        if (IsReady)
        {
            var leaving = _window[_next] - _shift;
            _sum -= leaving;
            _sumOfSquares -= leaving * leaving;
        }
        else
        {
            _count++;
        }

        _window[_next] = value;
        _next = _next + 1 == Period ? 0 : _next + 1;
        var deviation = value - _shift;
        _sum += deviation;
        _sumOfSquares += deviation * deviation;
        if (++_sinceRebase >= Period)
        {
            Rebase();
        }

        if (!IsReady)
        {
            return;
        }

        var meanDeviation = _sum / Period;
        var variance = Math.Max(0.0, (_sumOfSquares / Period) - (meanDeviation * meanDeviation));
        StandardDeviation = Math.Sqrt(variance);
        Middle = _shift + meanDeviation;
        Upper = Middle + (K * StandardDeviation);
        Lower = Middle - (K * StandardDeviation);
    }

    /// <summary>Moves the shift to the current mean and recomputes both sums from the window.</summary>
    private void Rebase()
    {
        _shift += _sum / _count;
        _sum = 0.0;
        _sumOfSquares = 0.0;
        for (var i = 0; i < _count; i++)
        {
            var deviation = _window[i] - _shift;
            _sum += deviation;
            _sumOfSquares += deviation * deviation;
        }

        _sinceRebase = 0;
    }
}

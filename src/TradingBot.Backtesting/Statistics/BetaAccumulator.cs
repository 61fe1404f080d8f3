using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Statistics;

/// <summary>
/// β = cov(equity log returns, close log returns) / var(close log returns), per bar, ddof = 1, fed one bar at a time
/// (Welford's co-moment update, numerically stable) without storing the return series.
/// </summary>
internal struct BetaAccumulator()
{
    private double _previousEquity = double.NaN;
    private double _previousClose = double.NaN;
    private int _count = -1;
    private double _meanE;
    private double _meanM;
    private double _coMoment;
    private double _squares;

    // Runs once per bar: compiled fully optimised at once (a one-shot CLI run would otherwise spend its first
    // hundred thousand bars in unoptimised code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double equity, double close)
    {
        if (_count >= 0)
        {
            var e = Math.Log(equity / _previousEquity);
            var m = Math.Log(close / _previousClose);
            var k = _count + 1;
            var deltaE = e - _meanE;
            _meanE += deltaE / k;
            var deltaM = m - _meanM;
            _meanM += deltaM / k;
            _coMoment += deltaE * (m - _meanM);
            _squares += deltaM * (m - _meanM);
        }

        _count++;
        _previousEquity = equity;
        _previousClose = close;
    }

    public readonly double Beta => _count < 2 || _squares == 0 ? double.NaN : _coMoment / _squares;
}

namespace TradingBot.Core.Indicators;

/// <summary>
/// Wilder's average true range. True range = max(high − low, |high − prevClose|, |low − prevClose|); the first bar
/// has no previous close and only seeds it. The first ATR is the mean of the first <c>period</c> true ranges
/// (bars 2..period+1), then <c>atr = (atr·(n−1) + tr) / n</c>.
/// </summary>
public sealed class Atr
{
    private double _previousClose = double.NaN;
    private double _seed;
    private int _ranges;

    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public bool IsReady => _ranges >= Period;

    public double Value { get; private set; } = double.NaN;

    public double Update(double high, double low, double close)
    {
        if (double.IsNaN(_previousClose))
        {
            _previousClose = close;
            return Value;
        }

        var trueRange = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        _previousClose = close;
        _ranges++;
        if (_ranges < Period)
        {
            _seed += trueRange;
        }
        else if (_ranges == Period)
        {
            Value = (_seed + trueRange) / Period;
        }
        else
        {
            Value = ((Value * (Period - 1)) + trueRange) / Period;
        }

        return Value;
    }
}

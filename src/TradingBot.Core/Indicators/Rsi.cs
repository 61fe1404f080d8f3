namespace TradingBot.Core.Indicators;

/// <summary>
/// Wilder's relative strength index. The first average gain/loss is the simple mean of the first <c>period</c>
/// price changes; later ones use Wilder smoothing <c>avg = (avg·(n−1) + x) / n</c>. The first value appears after
/// <c>period + 1</c> prices. When there are no losses RSI is 100 (50 when there is no movement at all).
/// </summary>
public sealed class Rsi
{
    private double _previous = double.NaN;
    private double _avgGain;
    private double _avgLoss;
    private int _changes;

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public bool IsReady => _changes >= Period;

    public double Value { get; private set; } = double.NaN;

    public double Update(double price)
    {
        if (double.IsNaN(_previous))
        {
            _previous = price;
            return Value;
        }

        var change = price - _previous;
        _previous = price;
        var gain = change > 0 ? change : 0.0;
        var loss = change < 0 ? -change : 0.0;
        _changes++;

        if (_changes <= Period)
        {
            _avgGain += gain;
            _avgLoss += loss;
            if (_changes < Period)
            {
                return Value;
            }

            _avgGain /= Period;
            _avgLoss /= Period;
        }
        else
        {
            _avgGain = ((_avgGain * (Period - 1)) + gain) / Period;
            _avgLoss = ((_avgLoss * (Period - 1)) + loss) / Period;
        }

        Value = _avgLoss == 0.0
            ? (_avgGain == 0.0 ? 50.0 : 100.0)
            : 100.0 - (100.0 / (1.0 + (_avgGain / _avgLoss)));
        return Value;
    }
}

namespace TradingBot.Core.Indicators;

/// <summary>
/// Donchian channel over the last <c>period</c> bars: upper = highest high, lower = lowest low, middle = their mean.
/// Monotonic deques make each update amortised O(1).
/// </summary>
public sealed class Donchian
{
    private readonly MonotonicWindow _highs;
    private readonly MonotonicWindow _lows;
    private long _index;

    public Donchian(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _highs = new MonotonicWindow(period, keepMaximum: true);
        _lows = new MonotonicWindow(period, keepMaximum: false);
    }

    public int Period { get; }

    public bool IsReady => _index >= Period;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    public double Middle => (Upper + Lower) / 2.0;

    public void Update(double high, double low)
    {
        _highs.Add(_index, high);
        _lows.Add(_index, low);
        _index++;
        if (IsReady)
        {
            Upper = _highs.Extreme;
            Lower = _lows.Extreme;
        }
    }

    private sealed class MonotonicWindow(int period, bool keepMaximum)
    {
        private readonly (long Index, double Value)[] _items = new (long, double)[period];
        private int _head;
        private int _count;

        public double Extreme => _items[_head].Value;

        public void Add(long index, double value)
        {
            while (_count > 0 && _items[_head].Index <= index - period)
            {
                _head = (_head + 1) % period;
                _count--;
            }

            while (_count > 0)
            {
                var tail = (_head + _count - 1) % period;
                var dominated = keepMaximum ? _items[tail].Value <= value : _items[tail].Value >= value;
                if (!dominated)
                {
                    break;
                }

                _count--;
            }

            _items[(_head + _count) % period] = (index, value);
            _count++;
        }
    }
}

using System.Runtime.CompilerServices;

namespace TradingBot.Core.Indicators;

/// <summary>
/// A fixed-window sum updated in O(1) with Neumaier compensation, so a long run does not drift away from the
/// exact window sum (a moving average over a million bars stays equal to the naive sum to the last bits).
/// </summary>
internal sealed class RollingSum
{
    private readonly double[] _window;
    private int _next;
    private double _sum;
    private double _compensation;

    public RollingSum(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
    }

    public int Period => _window.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _window.Length;

    public double Sum => _sum + _compensation;

    /// <summary>The value that will leave the window on the next <see cref="Add"/> (the oldest one) once full.</summary>
    public double Oldest => _window[_next];

    /// <summary>Adds <paramref name="value"/>, dropping the oldest value once the window is full.</summary>
    // Inlined: a strategy calls this once per bar per average, and the call costs as much as the arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var window = _window;
        var next = _next;
        if (Count == window.Length)
        {
            Accumulate(-window[next]);
        }
        else
        {
            Count++;
        }

        window[next] = value;
        _next = next + 1 == window.Length ? 0 : next + 1;
        Accumulate(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accumulate(double value)
    {
        var t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }
}

using System.Runtime.CompilerServices;
using TradingBot.Core.Indicators;
using TradingBot.Core.Market;

namespace TradingBot.Core.Strategies;

/// <summary>
/// Moving-average crossover, always in the market: when SMA(fast) crosses above SMA(slow) go long, when it crosses
/// below go short (the classic SmaCross: close, then open the other side). A cross is strict on both bars:
/// <c>fast[-2] &lt; slow[-2] and fast[-1] &gt; slow[-1]</c>; touching without crossing does not count.
/// </summary>
public sealed class SmaCrossStrategy : IStrategy
{
    private readonly Sma _fast;
    private readonly Sma _slow;
    private double _previousFast = double.NaN;
    private double _previousSlow = double.NaN;

    public SmaCrossStrategy(int fast, int slow)
    {
        if (fast < 1 || slow < 1)
        {
            throw new ArgumentException($"SMA periods must be at least 1 (fast={fast}, slow={slow}).");
        }

        if (fast >= slow)
        {
            throw new ArgumentException($"fast ({fast}) must be shorter than slow ({slow}).");
        }

        _fast = new Sma(fast);
        _slow = new Sma(slow);
        PlotNames = [$"SMA({fast})", $"SMA({slow})"];
    }

    public static StrategyDefinition Definition { get; } = new(
        "sma-cross",
        "Simple moving average crossover; long above, short below (always in the market).",
        [
            new StrategyParameter("fast", 10, 1, 10_000, true, "Fast SMA period (bars)"),
            new StrategyParameter("slow", 20, 2, 10_000, true, "Slow SMA period (bars)"),
        ],
        p => new SmaCrossStrategy(p.GetInt("fast"), p.GetInt("slow")));

    public string Name => Definition.Name;

    public int WarmupBars => _slow.Period - 1;

    public IReadOnlyList<string> PlotNames { get; }

    // Runs once per bar: compiled fully optimised at once, not after a million bars through unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StrategySignal? OnCandle(in Candle candle)
    {
        var close = (double)candle.Close;
        var fast = _fast.Update(close);
        var slow = _slow.Update(close);
        var previousFast = _previousFast;
        var previousSlow = _previousSlow;
        _previousFast = fast;
        _previousSlow = slow;

        if (previousFast < previousSlow && fast > slow)
        {
            return StrategySignal.Long("fast SMA crossed above slow SMA");
        }

        if (previousSlow < previousFast && slow > fast)
        {
            return StrategySignal.Short("fast SMA crossed below slow SMA");
        }

        return null;
    }

    public double GetPlotValue(int index) => index switch
    {
        0 => _fast.Value,
        1 => _slow.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

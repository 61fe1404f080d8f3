using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Testing;

/// <summary>A strategy that emits the given targets on the given bars: the fake used to test fills and statistics.</summary>
public sealed class ScriptedStrategy(IReadOnlyDictionary<int, TargetPosition> script, int warmupBars = 0) : IStrategy
{
    private int _bar = -1;

    public string Name => "scripted";

    public int WarmupBars => warmupBars;

    public IReadOnlyList<string> PlotNames => [];

    public StrategySignal? OnCandle(in Candle candle)
    {
        _bar++;
        return script.TryGetValue(_bar, out var target) ? new StrategySignal(target, $"scripted at bar {_bar}") : null;
    }

    public double GetPlotValue(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public static ScriptedStrategy At(params (int Bar, TargetPosition Target)[] steps) =>
        new(steps.ToDictionary(s => s.Bar, s => s.Target));
}

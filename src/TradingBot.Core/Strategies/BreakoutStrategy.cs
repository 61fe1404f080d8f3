using System.Runtime.CompilerServices;
using TradingBot.Core.Indicators;
using TradingBot.Core.Market;

namespace TradingBot.Core.Strategies;

/// <summary>
/// Donchian breakout (Turtle-style momentum). Long when the close breaks above the highest high of the previous
/// <c>entry</c> bars; flat when it breaks below the lowest low of the previous <c>exit</c> bars. Channels exclude
/// the current bar. With <c>allowShort=1</c> the mirror image trades short.
/// </summary>
public sealed class BreakoutStrategy : IStrategy
{
    private readonly Donchian _entry;
    private readonly Donchian _exit;
    private readonly bool _allowShort;
    private TargetPosition _position = TargetPosition.Flat;

    public BreakoutStrategy(int entry, int exit, bool allowShort)
    {
        _entry = new Donchian(entry);
        _exit = new Donchian(exit);
        _allowShort = allowShort;
        PlotNames = [$"Donchian({entry}) upper", $"Donchian({entry}) lower", $"Donchian({exit}) exit lower", $"Donchian({exit}) exit upper"];
    }

    public static StrategyDefinition Definition { get; } = new(
        "breakout",
        "Donchian channel breakout: buy new highs, exit on a break of the shorter exit channel.",
        [
            new StrategyParameter("entry", 20, 1, 10_000, true, "Entry channel length (bars)"),
            new StrategyParameter("exit", 10, 1, 10_000, true, "Exit channel length (bars)"),
            new StrategyParameter("allowShort", 0, 0, 1, true, "1 to also trade the short side"),
        ],
        p => new BreakoutStrategy(p.GetInt("entry"), p.GetInt("exit"), p.GetBool("allowShort")));

    public string Name => Definition.Name;

    /// <summary>The channels use previous bars only, so the first usable bar is the one after the longer channel fills.</summary>
    public int WarmupBars => Math.Max(_entry.Period, _exit.Period);

    public IReadOnlyList<string> PlotNames { get; }

    // Runs once per bar: compiled fully optimised at once, not after a million bars through unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StrategySignal? OnCandle(in Candle candle)
    {
        var close = (double)candle.Close;
        StrategySignal? next = null;
        if (_entry.IsReady && _exit.IsReady)
        {
            next = _position switch
            {
                TargetPosition.Flat or TargetPosition.Short when close > _entry.Upper =>
                    StrategySignal.Long($"close broke above the {_entry.Period}-bar high"),
                TargetPosition.Flat or TargetPosition.Long when _allowShort && close < _entry.Lower =>
                    StrategySignal.Short($"close broke below the {_entry.Period}-bar low"),
                TargetPosition.Long when close < _exit.Lower =>
                    StrategySignal.Flat($"close broke below the {_exit.Period}-bar low"),
                TargetPosition.Short when close > _exit.Upper =>
                    StrategySignal.Flat($"close broke above the {_exit.Period}-bar high"),
                _ => null,
            };
        }

        _entry.Update((double)candle.High, (double)candle.Low);
        _exit.Update((double)candle.High, (double)candle.Low);
        if (next is { } signal)
        {
            _position = signal.Target;
        }

        return next;
    }

    public double GetPlotValue(int index) => index switch
    {
        0 => _entry.Upper,
        1 => _entry.Lower,
        2 => _exit.Lower,
        3 => _exit.Upper,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

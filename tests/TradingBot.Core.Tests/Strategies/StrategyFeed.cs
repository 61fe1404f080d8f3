using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Tests.Strategies;

/// <summary>Feeds candles to a strategy the way the engine does and records the answer for every bar.</summary>
internal static class StrategyFeed
{
    public static StrategySignal?[] Run(IStrategy strategy, IReadOnlyList<Candle> candles)
    {
        var signals = new StrategySignal?[candles.Count];
        for (var i = 0; i < candles.Count; i++)
        {
            signals[i] = strategy.OnCandle(candles[i]);
        }

        return signals;
    }

    /// <summary>The bars that produced a signal and the target each one asked for, in order.</summary>
    public static (int Bar, TargetPosition Target)[] Targets(IStrategy strategy, IReadOnlyList<Candle> candles) =>
        Run(strategy, candles)
            .Select((signal, bar) => (Bar: bar, Signal: signal))
            .Where(s => s.Signal is not null)
            .Select(s => (s.Bar, s.Signal!.Value.Target))
            .ToArray();
}

namespace TradingBot.Core.Strategies;

/// <summary>A strategy's decision on a closed bar: hold <see cref="Target"/> from now on, because <see cref="Reason"/>.</summary>
public readonly record struct StrategySignal(TargetPosition Target, string Reason)
{
    public static StrategySignal Long(string reason) => new(TargetPosition.Long, reason);

    public static StrategySignal Short(string reason) => new(TargetPosition.Short, reason);

    public static StrategySignal Flat(string reason) => new(TargetPosition.Flat, reason);
}

namespace TradingBot.Backtesting.Optimization;

/// <summary>The values one strategy parameter takes in a grid.</summary>
public sealed record ParameterRange(string Name, IReadOnlyList<double> Values);

namespace TradingBot.Core.Strategies;

/// <summary>The built-in strategies, by name. The CLI, the optimizer and the live functions all resolve names here.</summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<StrategyDefinition> All { get; } =
    [
        SmaCrossStrategy.Definition,
        MeanReversionStrategy.Definition,
        BreakoutStrategy.Definition,
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name);

    public static StrategyDefinition Get(string name) =>
        TryGet(name, out var definition)
            ? definition
            : throw new ArgumentException($"Unknown strategy '{name}'. Known strategies: {string.Join(", ", Names)}.", nameof(name));

    public static bool TryGet(string name, out StrategyDefinition definition)
    {
        definition = All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return definition is not null;
    }
}

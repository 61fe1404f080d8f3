namespace TradingBot.Core.Strategies;

/// <summary>A strategy the catalog can build by name from parameter values.</summary>
public sealed class StrategyDefinition(
    string name,
    string description,
    IReadOnlyList<StrategyParameter> parameters,
    Func<StrategyParameters, IStrategy> factory)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<StrategyParameter> Parameters { get; } = parameters;

    public StrategyParameters Parameterize(IEnumerable<KeyValuePair<string, double>>? overrides = null) =>
        StrategyParameters.Create(Parameters, overrides);

    /// <summary>Creates a fresh strategy (with empty indicator state). Inconsistent values throw <see cref="ArgumentException"/>.</summary>
    public IStrategy Create(StrategyParameters parameters) => factory(parameters);

    public IStrategy Create(IEnumerable<KeyValuePair<string, double>>? overrides = null) => factory(Parameterize(overrides));
}

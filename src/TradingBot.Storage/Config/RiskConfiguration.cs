using Microsoft.Extensions.Configuration;
using TradingBot.Core.Risk;

namespace TradingBot.Storage.Config;

/// <summary>
/// Binds risk settings the way <see cref="RiskOptions"/> documents them, for the live host (section <c>Risk</c>) and
/// for backtests (<c>tradingbot backtest --risk file.json</c>) alike: start from a basis (the live defaults), a key set
/// to <c>null</c> turns that limit off, unknown keys are errors, and every <c>Strategies:&lt;name&gt;</c> section
/// inherits each key it does not set from <c>Strategy</c>.
/// </summary>
public static class RiskConfiguration
{
    /// <summary>The live host's <c>Risk</c> section over <see cref="RiskOptions.LiveDefaults"/>, validated (a bad setting fails the start).</summary>
    public static RiskOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var bound = Bind(configuration.GetSection(RiskOptions.Section), RiskOptions.LiveDefaults);
        bound.ThrowIfInvalid();
        return bound;
    }

    /// <summary>Binds <paramref name="section"/> over a copy of <paramref name="basis"/> (never mutating it), overrides inheriting.</summary>
    public static RiskOptions Bind(IConfiguration section, RiskOptions basis)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(basis);
        var options = basis with { Strategy = basis.Strategy with { }, Strategies = new Dictionary<string, StrategyRiskOptions>() };
        section.Bind(options, Strict);

        var strategies = new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, own) in basis.Strategies)
        {
            strategies[name] = own with { };
        }

        foreach (var child in section.GetSection(nameof(RiskOptions.Strategies)).GetChildren())
        {
            var inherited = (strategies.TryGetValue(child.Key, out var own) ? own : options.Strategy) with { };
            child.Bind(inherited, Strict);
            strategies[child.Key] = inherited;
        }

        return options with { Strategies = strategies };
    }

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}

using Microsoft.Extensions.Configuration;
using TradingBot.Core.Risk;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Binds section <c>Risk</c> the way <see cref="RiskOptions"/> documents it: start from
/// <see cref="RiskOptions.LiveDefaults"/>, unknown keys are errors, and every <c>Risk:Strategies:&lt;name&gt;</c>
/// inherits the keys it does not set from <c>Risk:Strategy</c>. Validated at start (a bad setting fails the deploy).
/// </summary>
public static class RiskConfiguration
{
    public static RiskOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RiskOptions.Section);
        var basis = RiskOptions.LiveDefaults;
        var options = basis with { Strategy = basis.Strategy with { }, Strategies = new Dictionary<string, StrategyRiskOptions>() };
        section.Bind(options, Strict);
        var strategies = new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetSection(nameof(RiskOptions.Strategies)).GetChildren())
        {
            var inherited = options.Strategy with { };
            child.Bind(inherited, Strict);
            strategies[child.Key] = inherited;
        }

        var bound = options with { Strategies = strategies };
        bound.ThrowIfInvalid();
        return bound;
    }

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}

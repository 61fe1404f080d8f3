using Microsoft.Extensions.Configuration;
using TradingBot.Core.Risk;

namespace TradingBot.Storage.Config;

/// <summary>
/// Binds risk settings the way <see cref="RiskOptions"/> documents them, for the live host (section <c>Risk</c>) and
/// for backtests (<c>tradingbot backtest --risk file.json</c>) alike: start from a basis (the live defaults), a key set
/// to <c>null</c> turns that limit off, unknown keys are errors, and every <c>Strategies:&lt;name&gt;</c> section
/// inherits each key it does not set from <c>Strategy</c>. Every setting is read in code (<see cref="SettingsSection"/>,
/// no reflection: the handler is a Native AOT executable, issue 6), as the configuration binder read it.
/// </summary>
public static class RiskConfiguration
{
    /// <summary>
    /// Every key of a <see cref="RiskOptions"/> section: its settings, and the names of its other properties, which the
    /// binder accepted as keys (and bound nothing to).
    /// </summary>
    internal static readonly string[] RiskKeys =
    [
        nameof(RiskOptions.DailyLossLimit), nameof(RiskOptions.DailyLossReset), nameof(RiskOptions.MaxDrawdown),
        nameof(RiskOptions.DrawdownReset), nameof(RiskOptions.KillSwitchLoss), nameof(RiskOptions.FlattenOnKillSwitch),
        nameof(RiskOptions.MaxTotalExposure), nameof(RiskOptions.MaxOpenPositions), nameof(RiskOptions.MaxOrdersPerWindow),
        nameof(RiskOptions.OrderWindow), nameof(RiskOptions.MaxCandleAge), nameof(RiskOptions.AllowShort),
        nameof(RiskOptions.StoplossGuardCount), nameof(RiskOptions.StoplossGuardWindow), nameof(RiskOptions.StoplossGuardLock),
        nameof(RiskOptions.StoplossGuardPerSymbol), nameof(RiskOptions.Strategy), nameof(RiskOptions.Strategies),
        nameof(RiskOptions.LiveDefaults), nameof(RiskOptions.None), nameof(RiskOptions.Lookback), "EqualityContract",
    ];

    /// <summary>Every key of a <see cref="StrategyRiskOptions"/> section (as <see cref="RiskKeys"/>).</summary>
    internal static readonly string[] StrategyKeys =
    [
        nameof(StrategyRiskOptions.Sizing), nameof(StrategyRiskOptions.QuoteAmount), nameof(StrategyRiskOptions.EquityFraction),
        nameof(StrategyRiskOptions.RiskPerTrade), nameof(StrategyRiskOptions.SizingAtrMultiple), nameof(StrategyRiskOptions.AtrPeriod),
        nameof(StrategyRiskOptions.MaxPositionFraction), nameof(StrategyRiskOptions.MaxPositionQuantity),
        nameof(StrategyRiskOptions.CooldownAfterExit), nameof(StrategyRiskOptions.StopLossPercent), nameof(StrategyRiskOptions.StopLossAtr),
        nameof(StrategyRiskOptions.TakeProfitPercent), nameof(StrategyRiskOptions.TakeProfitAtr),
        nameof(StrategyRiskOptions.TrailingStopPercent), nameof(StrategyRiskOptions.TrailingStopAtr), nameof(StrategyRiskOptions.NeedsAtr),
        "EqualityContract",
    ];

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
        if (SettingsSection.HasChildren(section))
        {
            options = Read(section, options);
        }
        else
        {
            SettingsSection.RejectValue(section, typeof(RiskOptions));
        }

        var strategies = new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, own) in basis.Strategies)
        {
            strategies[name] = own with { };
        }

        foreach (var child in section.GetSection(nameof(RiskOptions.Strategies)).GetChildren())
        {
            var inherited = (strategies.TryGetValue(child.Key, out var own) ? own : options.Strategy) with { };
            strategies[child.Key] = SettingsSection.HasChildren(child) ? Read(child, inherited) : inherited;
        }

        return options with { Strategies = strategies };
    }

    /// <summary>
    /// The account-wide settings and <c>Strategy</c>, in the binder's order of properties (the first bad setting is the
    /// one reported); the <c>Strategies</c> are only checked here and read by <see cref="Bind(IConfiguration, RiskOptions)"/>.
    /// </summary>
    private static RiskOptions Read(IConfiguration section, RiskOptions o)
    {
        var s = new SettingsSection(section, typeof(RiskOptions), RiskKeys);
        o = o with
        {
            DailyLossLimit = s.Decimal(nameof(o.DailyLossLimit), o.DailyLossLimit),
            DailyLossReset = s.Enum(nameof(o.DailyLossReset), o.DailyLossReset),
            MaxDrawdown = s.Decimal(nameof(o.MaxDrawdown), o.MaxDrawdown),
            DrawdownReset = s.Enum(nameof(o.DrawdownReset), o.DrawdownReset),
            KillSwitchLoss = s.Decimal(nameof(o.KillSwitchLoss), o.KillSwitchLoss),
            FlattenOnKillSwitch = s.Boolean(nameof(o.FlattenOnKillSwitch), o.FlattenOnKillSwitch),
            MaxTotalExposure = s.Decimal(nameof(o.MaxTotalExposure), o.MaxTotalExposure),
            MaxOpenPositions = s.Integer(nameof(o.MaxOpenPositions), o.MaxOpenPositions),
            MaxOrdersPerWindow = s.Integer(nameof(o.MaxOrdersPerWindow), o.MaxOrdersPerWindow),
            OrderWindow = s.Duration(nameof(o.OrderWindow), o.OrderWindow),
            MaxCandleAge = s.Duration(nameof(o.MaxCandleAge), o.MaxCandleAge),
            AllowShort = s.Boolean(nameof(o.AllowShort), o.AllowShort),
            StoplossGuardCount = s.Integer(nameof(o.StoplossGuardCount), o.StoplossGuardCount),
            StoplossGuardWindow = s.Duration(nameof(o.StoplossGuardWindow), o.StoplossGuardWindow),
            StoplossGuardLock = s.Duration(nameof(o.StoplossGuardLock), o.StoplossGuardLock),
            StoplossGuardPerSymbol = s.Boolean(nameof(o.StoplossGuardPerSymbol), o.StoplossGuardPerSymbol),
        };
        var strategy = s.Child(nameof(o.Strategy));
        if (SettingsSection.HasChildren(strategy))
        {
            o = o with { Strategy = Read(strategy, o.Strategy) };
        }
        else
        {
            SettingsSection.RejectValue(strategy, typeof(StrategyRiskOptions));
        }

        // The binder checked every Strategies entry here, as a strategy of its own, and wrapped the entry's error.
        var strategies = s.Child(nameof(o.Strategies));
        foreach (var entry in strategies.GetChildren())
        {
            try
            {
                if (SettingsSection.HasChildren(entry))
                {
                    _ = Read(entry, new StrategyRiskOptions());
                }
                else
                {
                    SettingsSection.RejectValue(entry, typeof(StrategyRiskOptions));
                }
            }
            catch (Exception ex)
            {
                throw SettingsSection.EntryFailed(ex);
            }
        }

        if (!SettingsSection.HasChildren(strategies))
        {
            SettingsSection.RejectValue(strategies, typeof(IReadOnlyDictionary<string, StrategyRiskOptions>));
        }

        // Keys of read-only properties: checked and converted as the binder did; nothing is set.
        foreach (var preset in new[] { nameof(RiskOptions.LiveDefaults), nameof(RiskOptions.None) })
        {
            var child = s.Child(preset);
            if (SettingsSection.HasChildren(child))
            {
                _ = Read(child, RiskOptions.LiveDefaults);
            }
            else
            {
                SettingsSection.RejectValue(child, typeof(RiskOptions));
            }
        }

        _ = s.Duration(nameof(o.Lookback), TimeSpan.Zero);
        return o;
    }

    private static StrategyRiskOptions Read(IConfiguration section, StrategyRiskOptions o)
    {
        var s = new SettingsSection(section, typeof(StrategyRiskOptions), StrategyKeys);
        o = o with
        {
            Sizing = s.Enum(nameof(o.Sizing), o.Sizing),
            QuoteAmount = s.Decimal(nameof(o.QuoteAmount), o.QuoteAmount),
            EquityFraction = s.Decimal(nameof(o.EquityFraction), o.EquityFraction),
            RiskPerTrade = s.Decimal(nameof(o.RiskPerTrade), o.RiskPerTrade),
            SizingAtrMultiple = s.Decimal(nameof(o.SizingAtrMultiple), o.SizingAtrMultiple),
            AtrPeriod = s.Integer(nameof(o.AtrPeriod), o.AtrPeriod),
            MaxPositionFraction = s.Decimal(nameof(o.MaxPositionFraction), o.MaxPositionFraction),
            MaxPositionQuantity = s.Decimal(nameof(o.MaxPositionQuantity), o.MaxPositionQuantity),
            CooldownAfterExit = s.Duration(nameof(o.CooldownAfterExit), o.CooldownAfterExit),
            StopLossPercent = s.Decimal(nameof(o.StopLossPercent), o.StopLossPercent),
            StopLossAtr = s.Decimal(nameof(o.StopLossAtr), o.StopLossAtr),
            TakeProfitPercent = s.Decimal(nameof(o.TakeProfitPercent), o.TakeProfitPercent),
            TakeProfitAtr = s.Decimal(nameof(o.TakeProfitAtr), o.TakeProfitAtr),
            TrailingStopPercent = s.Decimal(nameof(o.TrailingStopPercent), o.TrailingStopPercent),
            TrailingStopAtr = s.Decimal(nameof(o.TrailingStopAtr), o.TrailingStopAtr),
        };
        _ = s.Boolean(nameof(o.NeedsAtr), false); // read-only, as Lookback above
        return o;
    }
}

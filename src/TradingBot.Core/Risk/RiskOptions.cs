using System.ComponentModel.DataAnnotations;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Risk;

/// <summary>
/// Risk management settings, bound from configuration section <c>Risk</c> (the same shape as a backtest's
/// <c>--risk file.json</c>). Top-level settings are account-wide; <see cref="Strategy"/> holds every strategy's
/// defaults and <see cref="Strategies"/> per-strategy overrides. A <see langword="null"/> limit is off.
/// The property defaults are the safe live defaults (<see cref="LiveDefaults"/>); <see cref="None"/> turns
/// every control off. Validation (<see cref="Validate()"/>, or <see cref="IValidatableObject"/> for
/// <c>ValidateDataAnnotations().ValidateOnStart()</c>) names each bad setting by its configuration path.
/// </summary>
public sealed record RiskOptions : IValidatableObject
{
    public const string Section = "Risk";

    /// <summary>Halt new entries when the UTC day's realized + unrealized loss reaches this fraction of the day's starting equity.</summary>
    public decimal? DailyLossLimit { get; init; } = 0.05m;

    public HaltReset DailyLossReset { get; init; } = HaltReset.NextDay;

    /// <summary>Halt new entries when equity falls this fraction below its peak (circuit breaker).</summary>
    public decimal? MaxDrawdown { get; init; } = 0.20m;

    /// <summary>When a drawdown halt ends; on resume the peak is reset to the equity at that moment.</summary>
    public HaltReset DrawdownReset { get; init; } = HaltReset.Operator;

    /// <summary>Engage the kill switch automatically when equity falls this fraction below the starting equity (null: operator only).</summary>
    public decimal? KillSwitchLoss { get; init; }

    /// <summary>Whether engaging the kill switch also exits every open position at market.</summary>
    public bool FlattenOnKillSwitch { get; init; }

    /// <summary>Largest total value of all positions as a share of equity, in (0, 1]; larger entries are resized down.</summary>
    public decimal? MaxTotalExposure { get; init; } = 1m;

    public int? MaxOpenPositions { get; init; } = 4;

    /// <summary>At most this many orders (entries and exits) in any <see cref="OrderWindow"/>; further entries are refused.</summary>
    public int? MaxOrdersPerWindow { get; init; } = 20;

    public TimeSpan OrderWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>No entry when the last closed candle is older than this (stale market data).</summary>
    public TimeSpan? MaxCandleAge { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether short entries are allowed (spot venues cannot short).</summary>
    public bool AllowShort { get; init; }

    /// <summary>StoplossGuard: after this many stop-loss or trailing-stop exits within <see cref="StoplossGuardWindow"/>, no entries for <see cref="StoplossGuardLock"/>.</summary>
    public int? StoplossGuardCount { get; init; } = 3;

    public TimeSpan StoplossGuardWindow { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan StoplossGuardLock { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Count stop-outs and lock per symbol instead of account-wide.</summary>
    public bool StoplossGuardPerSymbol { get; init; }

    /// <summary>Defaults of every strategy (section <c>Risk:Strategy</c>).</summary>
    public StrategyRiskOptions Strategy { get; init; } = new();

    /// <summary>Per-strategy settings by strategy name (section <c>Risk:Strategies:&lt;name&gt;</c>), complete after binding.</summary>
    public IReadOnlyDictionary<string, StrategyRiskOptions> Strategies { get; init; } =
        new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The safe defaults a live deployment runs with when its <c>Risk</c> section sets nothing.</summary>
    public static RiskOptions LiveDefaults => new();

    /// <summary>
    /// Every control off: sizing 100 % of equity at the signal close, shorts allowed, no stops. The base of a
    /// backtest that only sets a few shortcuts (<c>--stop-loss 2%</c>).
    /// </summary>
    public static RiskOptions None => new()
    {
        DailyLossLimit = null,
        MaxDrawdown = null,
        MaxTotalExposure = null,
        MaxOpenPositions = null,
        MaxOrdersPerWindow = null,
        MaxCandleAge = null,
        AllowShort = true,
        StoplossGuardCount = null,
        Strategy = new StrategyRiskOptions
        {
            EquityFraction = 1m,
            MaxPositionFraction = null,
            StopLossPercent = null,
        },
    };

    /// <summary>The settings that apply to <paramref name="strategy"/>: its override if any, else <see cref="Strategy"/>.</summary>
    public StrategyRiskOptions For(string strategy) =>
        Strategies.FirstOrDefault(kv => string.Equals(kv.Key, strategy, StringComparison.OrdinalIgnoreCase)).Value ?? Strategy;

    /// <summary>The longest time any rule looks back: what <see cref="RiskState.Prune"/> must keep.</summary>
    public TimeSpan Lookback =>
        new[] { OrderWindow, StoplossGuardWindow + StoplossGuardLock }.Concat(Strategies.Values.Append(Strategy).Select(s => s.CooldownAfterExit)).Max();

    /// <summary>Every problem with these settings (empty when valid), each naming its configuration path.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var check = new RiskSettingChecks(Section, errors);
        check.FractionBelowOne(nameof(DailyLossLimit), DailyLossLimit);
        check.Defined(nameof(DailyLossReset), DailyLossReset);
        check.FractionBelowOne(nameof(MaxDrawdown), MaxDrawdown);
        check.Defined(nameof(DrawdownReset), DrawdownReset);
        check.FractionBelowOne(nameof(KillSwitchLoss), KillSwitchLoss);
        check.FractionUpToOne(nameof(MaxTotalExposure), MaxTotalExposure);
        check.AtLeastOne(nameof(MaxOpenPositions), MaxOpenPositions);
        check.AtLeastOne(nameof(MaxOrdersPerWindow), MaxOrdersPerWindow);
        check.PositiveDuration(nameof(OrderWindow), OrderWindow);
        check.PositiveDuration(nameof(MaxCandleAge), MaxCandleAge);
        check.AtLeastOne(nameof(StoplossGuardCount), StoplossGuardCount);
        check.PositiveDuration(nameof(StoplossGuardWindow), StoplossGuardWindow);
        check.PositiveDuration(nameof(StoplossGuardLock), StoplossGuardLock);
        Strategy.Validate($"{Section}:{nameof(Strategy)}", errors);
        foreach (var (name, options) in Strategies)
        {
            var path = $"{Section}:{nameof(Strategies)}:{name}";
            if (!StrategyCatalog.TryGet(name, out _))
            {
                errors.Add($"{path}: unknown strategy '{name}'. Known strategies: {string.Join(", ", StrategyCatalog.Names)}.");
            }

            if (options is null)
            {
                errors.Add($"{path} is empty.");
                continue;
            }

            options.Validate(path, errors);
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid risk options: " + string.Join(" ", errors));
        }
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(message => new ValidationResult(message));
}

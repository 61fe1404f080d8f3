using System.ComponentModel.DataAnnotations;
using TradingBot.Core.Risk;

namespace TradingBot.Core.Tests.Risk;

public sealed class RiskOptionsTests
{
    [Fact]
    public void LiveDefaults_AreValidAndSafe()
    {
        var live = RiskOptions.LiveDefaults;

        Assert.Empty(live.Validate());
        Assert.Equal(0.25m, live.Strategy.MaxPositionFraction);
        Assert.Equal(0.05m, live.DailyLossLimit);
        Assert.Equal(0.20m, live.MaxDrawdown);
        Assert.Equal(1m, live.MaxTotalExposure);
        Assert.Equal(4, live.MaxOpenPositions);
        Assert.Equal(0.10m, live.Strategy.StopLossPercent);
        Assert.False(live.AllowShort);
        Assert.Equal(HaltReset.NextDay, live.DailyLossReset);
        Assert.Equal(HaltReset.Operator, live.DrawdownReset);
    }

    [Fact]
    public void None_TurnsEveryControlOff()
    {
        var none = RiskOptions.None;

        Assert.Empty(none.Validate());
        Assert.Null(none.DailyLossLimit);
        Assert.Null(none.MaxDrawdown);
        Assert.Null(none.MaxTotalExposure);
        Assert.Null(none.MaxOpenPositions);
        Assert.Null(none.MaxOrdersPerWindow);
        Assert.Null(none.MaxCandleAge);
        Assert.Null(none.StoplossGuardCount);
        Assert.Null(none.Strategy.MaxPositionFraction);
        Assert.Null(none.Strategy.StopLossPercent);
        Assert.Equal(1m, none.Strategy.EquityFraction);
        Assert.True(none.AllowShort);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "DailyLossLimit=-0.05", "Risk:DailyLossLimit must be a fraction greater than 0 and less than 1" },
        { "DailyLossLimit=0", "Risk:DailyLossLimit must be a fraction greater than 0 and less than 1" },
        { "DailyLossLimit=1", "Risk:DailyLossLimit must be a fraction greater than 0 and less than 1" },
        { "MaxDrawdown=1.5", "Risk:MaxDrawdown must be a fraction greater than 0 and less than 1" },
        { "KillSwitchLoss=2", "Risk:KillSwitchLoss must be a fraction" },
        { "MaxTotalExposure=1.01", "Risk:MaxTotalExposure must be a fraction greater than 0 and at most 1" },
        { "MaxOpenPositions=0", "Risk:MaxOpenPositions must be at least 1, got 0" },
        { "MaxOrdersPerWindow=-1", "Risk:MaxOrdersPerWindow must be at least 1" },
        { "OrderWindow=0", "Risk:OrderWindow must be a positive duration" },
        { "MaxCandleAge=-1", "Risk:MaxCandleAge must be a positive duration" },
        { "StoplossGuardCount=0", "Risk:StoplossGuardCount must be at least 1" },
        { "StoplossGuardLock=0", "Risk:StoplossGuardLock must be a positive duration" },
        { "DailyLossReset=7", "Risk:DailyLossReset must be one of NextDay, Operator" },
        { "Strategy.EquityFraction=1.5", "Risk:Strategy:EquityFraction must be a fraction greater than 0 and at most 1" },
        { "Strategy.EquityFraction=0", "Risk:Strategy:EquityFraction must be a fraction" },
        { "Strategy.MaxPositionFraction=-0.25", "Risk:Strategy:MaxPositionFraction must be a fraction" },
        { "Strategy.MaxPositionQuantity=0", "Risk:Strategy:MaxPositionQuantity must be greater than 0" },
        { "Strategy.StopLossPercent=1", "Risk:Strategy:StopLossPercent must be a fraction greater than 0 and less than 1" },
        { "Strategy.TrailingStopPercent=-0.03", "Risk:Strategy:TrailingStopPercent must be a fraction" },
        { "Strategy.TakeProfitPercent=0", "Risk:Strategy:TakeProfitPercent must be greater than 0" },
        { "Strategy.CooldownAfterExit=-1", "Risk:Strategy:CooldownAfterExit must not be negative" },
        { "Strategy.AtrPeriod=0", "Risk:Strategy:AtrPeriod must be at least 1" },
        { "Strategy.StopLossAtr=2", "Risk:Strategy:StopLossPercent and Risk:Strategy:StopLossAtr are exclusive" },
        { "Strategy.FixedQuoteWithoutAmount", "Risk:Strategy:QuoteAmount is required with Sizing FixedQuote" },
        { "Strategy.QuoteAmountWithoutFixedQuote", "Risk:Strategy:QuoteAmount is only used with Sizing FixedQuote" },
        { "Strategy.VolatilityWithoutRisk", "Risk:Strategy:RiskPerTrade is required with Sizing Volatility" },
        { "Strategies.unknown", "Risk:Strategies:no-such-strategy: unknown strategy 'no-such-strategy'" },
        { "Strategies.sma-cross.StopLossPercent=5", "Risk:Strategies:sma-cross:StopLossPercent must be a fraction" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_NamesTheSettingAndTheProblem(string change, string expected)
    {
        var options = Apply(RiskOptions.LiveDefaults, change);

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
    }

    [Fact]
    public void Validate_ThroughDataAnnotations_ReportsTheSameErrors()
    {
        var options = RiskOptions.LiveDefaults with { DailyLossLimit = 5m, MaxOpenPositions = 0 };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal(options.Validate(), results.Select(r => r.ErrorMessage));
    }

    [Fact]
    public void For_StrategyWithOverride_ReturnsTheOverrideIgnoringCase()
    {
        var own = new StrategyRiskOptions { StopLossPercent = 0.03m };
        var options = RiskOptions.LiveDefaults with { Strategies = new Dictionary<string, StrategyRiskOptions> { ["SMA-Cross"] = own } };

        Assert.Same(own, options.For("sma-cross"));
        Assert.Same(options.Strategy, options.For("breakout"));
    }

    [Fact]
    public void Lookback_IsTheLongestWindowAnyRuleReadsBack()
    {
        var options = RiskOptions.LiveDefaults with
        {
            OrderWindow = TimeSpan.FromHours(1),
            StoplossGuardWindow = TimeSpan.FromHours(6),
            StoplossGuardLock = TimeSpan.FromHours(2),
            Strategy = new StrategyRiskOptions { CooldownAfterExit = TimeSpan.FromDays(3) },
        };

        Assert.Equal(TimeSpan.FromDays(3), options.Lookback);
        Assert.Equal(TimeSpan.FromHours(8), (options with { Strategy = new StrategyRiskOptions() }).Lookback);
    }

    private static RiskOptions Apply(RiskOptions o, string change)
    {
        var s = o.Strategy;
        var parts = change.Split('=');
        var value = parts.Length == 2 ? decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0m;
        return parts[0] switch
        {
            "DailyLossLimit" => o with { DailyLossLimit = value },
            "MaxDrawdown" => o with { MaxDrawdown = value },
            "KillSwitchLoss" => o with { KillSwitchLoss = value },
            "MaxTotalExposure" => o with { MaxTotalExposure = value },
            "MaxOpenPositions" => o with { MaxOpenPositions = (int)value },
            "MaxOrdersPerWindow" => o with { MaxOrdersPerWindow = (int)value },
            "OrderWindow" => o with { OrderWindow = TimeSpan.FromMinutes((double)value) },
            "MaxCandleAge" => o with { MaxCandleAge = TimeSpan.FromMinutes((double)value) },
            "StoplossGuardCount" => o with { StoplossGuardCount = (int)value },
            "StoplossGuardLock" => o with { StoplossGuardLock = TimeSpan.FromMinutes((double)value) },
            "DailyLossReset" => o with { DailyLossReset = (HaltReset)(int)value },
            "Strategy.EquityFraction" => o with { Strategy = s with { EquityFraction = value } },
            "Strategy.MaxPositionFraction" => o with { Strategy = s with { MaxPositionFraction = value } },
            "Strategy.MaxPositionQuantity" => o with { Strategy = s with { MaxPositionQuantity = value } },
            "Strategy.StopLossPercent" => o with { Strategy = s with { StopLossPercent = value } },
            "Strategy.TrailingStopPercent" => o with { Strategy = s with { TrailingStopPercent = value } },
            "Strategy.TakeProfitPercent" => o with { Strategy = s with { TakeProfitPercent = value } },
            "Strategy.CooldownAfterExit" => o with { Strategy = s with { CooldownAfterExit = TimeSpan.FromMinutes((double)value) } },
            "Strategy.AtrPeriod" => o with { Strategy = s with { AtrPeriod = (int)value } },
            "Strategy.StopLossAtr" => o with { Strategy = s with { StopLossAtr = value } },
            "Strategy.FixedQuoteWithoutAmount" => o with { Strategy = s with { Sizing = SizingMode.FixedQuote } },
            "Strategy.QuoteAmountWithoutFixedQuote" => o with { Strategy = s with { QuoteAmount = 100m } },
            "Strategy.VolatilityWithoutRisk" => o with { Strategy = s with { Sizing = SizingMode.Volatility, SizingAtrMultiple = 2m } },
            "Strategies.unknown" => o with { Strategies = new Dictionary<string, StrategyRiskOptions> { ["no-such-strategy"] = new() } },
            "Strategies.sma-cross.StopLossPercent" => o with { Strategies = new Dictionary<string, StrategyRiskOptions> { ["sma-cross"] = new() { StopLossPercent = value } } },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }
}

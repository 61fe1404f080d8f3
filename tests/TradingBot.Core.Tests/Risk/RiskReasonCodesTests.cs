using TradingBot.Core.Risk;

namespace TradingBot.Core.Tests.Risk;

public sealed class RiskReasonCodesTests
{
    [Theory]
    [InlineData(RiskReason.KillSwitch, "kill-switch")]
    [InlineData(RiskReason.DailyLossLimit, "daily-loss-limit")]
    [InlineData(RiskReason.MaxDrawdown, "max-drawdown")]
    [InlineData(RiskReason.MaxPosition, "max-position")]
    [InlineData(RiskReason.MaxExposure, "max-exposure")]
    [InlineData(RiskReason.MaxOpenPositions, "max-open-positions")]
    [InlineData(RiskReason.BelowMinNotional, "below-min-notional")]
    [InlineData(RiskReason.StoplossGuard, "stoploss-guard")]
    [InlineData(RiskReason.StalePrice, "stale-price")]
    [InlineData(RiskReason.OrderRate, "order-rate")]
    [InlineData(RiskReason.Cooldown, "cooldown")]
    public void ToCode_KnownReason_IsTheStableCode(RiskReason reason, string code)
    {
        Assert.Equal(code, reason.ToCode());
        Assert.True(RiskReasonCodes.TryParse(code, out var parsed));
        Assert.Equal(reason, parsed);
    }

    [Fact]
    public void All_EveryReasonHasAUniqueKebabCaseCode()
    {
        var codes = Enum.GetValues<RiskReason>().Select(r => r.ToCode()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
        Assert.Equal(codes, RiskReasonCodes.All);
    }

    [Fact]
    public void TryParse_UnknownCode_ReturnsFalse()
    {
        Assert.False(RiskReasonCodes.TryParse("MaxPosition", out _));
        Assert.False(RiskReasonCodes.TryParse(null, out _));
    }
}

using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class StalePriceGuardTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(900, false)]
    [InlineData(901, true)]
    [InlineData(86_400, true)]
    public void Check_CandleAgeAgainstFifteenMinutes(int ageSeconds, bool rejected)
    {
        var rule = new StalePriceGuard(RiskOptions.None with { MaxCandleAge = TimeSpan.FromMinutes(15) });
        var context = Flat() with { LastCandleAt = Now.AddSeconds(-ageSeconds) };

        var verdict = rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), 0m));

        Assert.Equal(rejected, verdict.IsRejection);
        Assert.Equal(rejected ? RiskReason.StalePrice : null, verdict.Reason);
    }

    [Fact]
    public void Check_NoCandleKnown_Rejects()
    {
        var rule = new StalePriceGuard(RiskOptions.LiveDefaults);

        var verdict = rule.Check(new EntryProposal(Buy(Btc, 100m), Flat() with { LastCandleAt = null }, new StrategyRiskOptions(), 0m));

        Assert.Equal(RiskReason.StalePrice, verdict.Reason);
    }

    [Fact]
    public void Check_Off_PassesAnyAge()
    {
        var verdict = new StalePriceGuard(RiskOptions.None).Check(new EntryProposal(Buy(Btc, 100m), Flat() with { LastCandleAt = null }, new StrategyRiskOptions(), 0m));

        Assert.False(verdict.IsRejection);
    }
}

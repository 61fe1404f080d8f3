using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class VenueLimitsTests
{
    [Theory]
    [InlineData(0.123456789, 0.12345)]
    [InlineData(0.1, 0.1)]
    public void Check_TruncatesToTheAmountStep(decimal proposed, decimal expected)
    {
        var verdict = Check(proposed, Venue(Btc, amountStep: 0.00001m));

        Assert.False(verdict.IsRejection);
        Assert.Equal(expected, verdict.Quantity ?? proposed);
    }

    [Theory]
    [InlineData(0.0001, null)]
    [InlineData(0.00009, RiskReason.BelowMinNotional)]
    public void Check_MinimumNotionalOfFive_RefusesAndNeverRoundsUp(decimal proposed, RiskReason? reason)
    {
        var verdict = Check(proposed, Venue(Btc, minNotional: 5m));

        Assert.Equal(reason, verdict.Reason);
        if (reason is not null)
        {
            Assert.Contains("below the minimum 5", verdict.Message, StringComparison.Ordinal);
            Assert.Contains("not rounded up", verdict.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.000009)]
    [InlineData(0.0004)]
    public void Check_BelowTheStepOrMinimumAmount_IsBelowMinAmount(decimal proposed)
    {
        var verdict = Check(proposed, Venue(Btc, amountStep: 0.00001m, minAmount: 0.0005m));

        Assert.Equal(RiskReason.BelowMinAmount, verdict.Reason);
    }

    [Fact]
    public void Check_AboveTheMaximumAmount_IsCutToIt()
    {
        var verdict = Check(12.5m, Venue(Btc, maxAmount: 10m));

        Assert.Equal(10m, verdict.Quantity);
        Assert.Contains("maximum amount 10", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InactiveMarket_IsMarketClosed()
    {
        var verdict = Check(1m, Venue(Btc) with { Active = false });

        Assert.Equal(RiskReason.MarketClosed, verdict.Reason);
    }

    private static RuleVerdict Check(decimal quantity, Core.Exchange.Market market) =>
        new VenueLimits().Check(new EntryProposal(Buy(Btc, 50_000m, market), Flat(), new StrategyRiskOptions(), quantity));
}

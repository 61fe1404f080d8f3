using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class MaxTotalExposureTests
{
    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(50, 0, 50)]
    [InlineData(60, 0, 50)]
    [InlineData(30, 3_000, 20)]
    [InlineData(30, 5_000, null)]
    public void Check_HalfOfEquity_CountsOtherSymbolsAtTheirMark(decimal proposed, decimal otherValue, int? expected)
    {
        var rule = new MaxTotalExposure(RiskOptions.None with { MaxTotalExposure = 0.5m });
        var context = otherValue == 0m ? Flat() : Flat().With(Eth, otherValue / 1_000m, 1_000m);
        context = context with { Equity = 10_000m };

        var verdict = rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), proposed));

        MaxPositionSizeTests.AssertCut(verdict, proposed, expected, RiskReason.MaxExposure);
    }

    [Fact]
    public void Check_ShortPositionsCountByAbsoluteValue()
    {
        var rule = new MaxTotalExposure(RiskOptions.None with { MaxTotalExposure = 0.5m });
        var context = Flat().With(Eth, -4m, 1_000m) with { Equity = 10_000m };

        var verdict = rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), 30m));

        Assert.Equal(10m, verdict.Quantity);
    }
}

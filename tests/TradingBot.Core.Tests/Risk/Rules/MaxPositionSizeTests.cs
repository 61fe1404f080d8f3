using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class MaxPositionSizeTests
{
    [Theory]
    [InlineData(20, 0, 20)]
    [InlineData(25, 0, 25)]
    [InlineData(30, 0, 25)]
    [InlineData(30, 10, 15)]
    [InlineData(30, 25, null)]
    [InlineData(30, 26, null)]
    public void Check_TwentyFivePercentOfEquity_CutsTheEntryToTheRoomLeft(decimal proposed, decimal held, int? expected)
    {
        var limits = new StrategyRiskOptions { MaxPositionFraction = 0.25m };
        var context = held == 0m ? Flat() : Flat().With(Btc, held, 100m);

        var verdict = new MaxPositionSize().Check(new EntryProposal(Buy(Btc, 100m), context, limits, proposed));

        AssertCut(verdict, proposed, expected, RiskReason.MaxPosition);
    }

    [Theory]
    [InlineData(0.5, 0, 0.5)]
    [InlineData(1.5, 0, 1.0)]
    [InlineData(1, 0.4, 0.6)]
    [InlineData(1, 1, null)]
    public void Check_MaxQuantityOfOne_CutsTheEntry(decimal proposed, decimal held, double? expected)
    {
        var limits = new StrategyRiskOptions { MaxPositionFraction = null, MaxPositionQuantity = 1m };
        var context = held == 0m ? Flat(1_000_000m) : Flat(1_000_000m).With(Btc, held, 100m);

        var verdict = new MaxPositionSize().Check(new EntryProposal(Buy(Btc, 100m), context, limits, proposed));

        AssertCut(verdict, proposed, expected is null ? null : (decimal)expected.Value, RiskReason.MaxPosition);
    }

    [Fact]
    public void Check_OppositePositionHeld_IsNotCountedAgainstTheNewSide()
    {
        var limits = new StrategyRiskOptions { MaxPositionFraction = 0.25m };
        var context = Flat().With(Btc, -20m, 100m);

        Assert.False(new MaxPositionSize().Check(new EntryProposal(Buy(Btc, 100m), context, limits, 25m)).IsRejection);
    }

    internal static void AssertCut(RuleVerdict verdict, decimal proposed, decimal? expected, RiskReason reason)
    {
        if (expected is null)
        {
            Assert.Equal(reason, verdict.Reason);
        }
        else if (expected.Value == proposed)
        {
            Assert.Equal(RuleVerdict.Pass, verdict);
        }
        else
        {
            Assert.False(verdict.IsRejection);
            Assert.Equal(expected.Value, verdict.Quantity);
            Assert.StartsWith($"{reason.ToCode()}: quantity cut from", verdict.Message, StringComparison.Ordinal);
        }
    }
}

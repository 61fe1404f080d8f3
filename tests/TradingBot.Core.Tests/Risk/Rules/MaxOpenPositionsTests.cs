using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class MaxOpenPositionsTests
{
    private static readonly MaxOpenPositions Rule = new(RiskOptions.None with { MaxOpenPositions = 2 });

    [Fact]
    public void Check_OneOpen_AllowsASecond()
    {
        var context = Flat().With(Eth, 1m, 2_000m);

        Assert.False(Rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), 0m)).IsRejection);
    }

    [Fact]
    public void Check_TwoOpen_RefusesAThirdSymbol()
    {
        var context = Flat().With(Eth, 1m, 2_000m).With(Sol, -5m, 100m);

        var verdict = Rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), 0m));

        Assert.Equal(RiskReason.MaxOpenPositions, verdict.Reason);
        Assert.Equal("2 positions are open; the limit is 2.", verdict.Message);
    }

    [Fact]
    public void Check_TwoOpen_AllowsAddingToAHeldSymbol()
    {
        var context = Flat().With(Eth, 1m, 2_000m).With(Btc, 0.01m, 50_000m);

        Assert.False(Rule.Check(new EntryProposal(Buy(Btc, 50_000m), context, new StrategyRiskOptions(), 0m)).IsRejection);
    }
}

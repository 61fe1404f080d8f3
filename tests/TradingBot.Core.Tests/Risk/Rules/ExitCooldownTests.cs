using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class ExitCooldownTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public void Check_ThirtyMinutesAfterAnExit(int minutesSinceExit, bool rejected)
    {
        var limits = new StrategyRiskOptions { CooldownAfterExit = TimeSpan.FromMinutes(30) };
        var context = Flat().After(new PositionClosed(Now.AddMinutes(-minutesSinceExit), Btc, false));

        var verdict = new ExitCooldown().Check(new EntryProposal(Buy(Btc, 100m), context, limits, 0m));

        Assert.Equal(rejected, verdict.IsRejection);
        Assert.Equal(rejected ? RiskReason.Cooldown : null, verdict.Reason);
    }

    [Fact]
    public void Check_OtherSymbolExited_Passes()
    {
        var limits = new StrategyRiskOptions { CooldownAfterExit = TimeSpan.FromMinutes(30) };
        var context = Flat().After(new PositionClosed(Now, Eth, true));

        Assert.False(new ExitCooldown().Check(new EntryProposal(Buy(Btc, 100m), context, limits, 0m)).IsRejection);
    }
}

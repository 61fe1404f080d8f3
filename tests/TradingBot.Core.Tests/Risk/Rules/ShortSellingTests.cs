using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class ShortSellingTests
{
    [Theory]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    public void Check_ShortEntriesNeedAllowShort(bool allowShort, bool isLong, bool rejected)
    {
        var rule = new ShortSelling(RiskOptions.None with { AllowShort = allowShort });
        var request = isLong ? Buy(Btc, 100m) : Sell(Btc, 100m);

        var verdict = rule.Check(new EntryProposal(request, Flat(), new StrategyRiskOptions(), 0m));

        Assert.Equal(rejected ? RiskReason.ShortNotAllowed : null, verdict.Reason);
    }
}

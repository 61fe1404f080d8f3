using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class OrderRateLimitTests
{
    [Theory]
    [InlineData(new[] { 10, 20 }, false)]
    [InlineData(new[] { 10, 20, 59 }, true)]
    [InlineData(new[] { 10, 20, 60 }, false)]
    [InlineData(new[] { 0, 1, 2 }, true)]
    public void Check_ThreeOrdersPerHour(int[] minutesAgo, bool rejected)
    {
        var rule = new OrderRateLimit(RiskOptions.None with { MaxOrdersPerWindow = 3, OrderWindow = TimeSpan.FromHours(1) });
        var context = Flat().After([.. minutesAgo.Select(m => (RiskEvent)new OrderPlaced(Now.AddMinutes(-m), Btc, RiskOrderPurpose.Entry))]);

        var verdict = rule.Check(new EntryProposal(Buy(Btc, 100m), context, new StrategyRiskOptions(), 0m));

        Assert.Equal(rejected, verdict.IsRejection);
        Assert.Equal(rejected ? RiskReason.OrderRate : null, verdict.Reason);
    }
}

using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class AvailableCashTests
{
    [Theory]
    [InlineData(1_001, 9.99, 9.99)]
    [InlineData(1_001, 10, 10.0)]
    [InlineData(1_001, 11, 10.0)]
    [InlineData(0, 1, null)]
    public void Check_CashPaysForQuantityAndTakerFee(decimal cash, decimal proposed, double? expected)
    {
        var context = Flat() with { AvailableCash = cash };

        var verdict = new AvailableCash().Check(new EntryProposal(Buy(Btc, 100m, Venue(Btc, taker: 0.001m)), context, new StrategyRiskOptions(), proposed));

        MaxPositionSizeTests.AssertCut(verdict, proposed, expected is null ? null : (decimal)expected.Value, RiskReason.InsufficientCash);
    }
}

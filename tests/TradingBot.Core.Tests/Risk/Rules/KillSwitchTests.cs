using TradingBot.Core.Exchange;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class KillSwitchTests
{
    [Theory]
    [InlineData(7_000.01, false)]
    [InlineData(7_000, true)]
    [InlineData(1_000, true)]
    public void Review_EquityThirtyPercentBelowStart_EngagesUntilAnOperatorReleases(decimal equity, bool engaged)
    {
        var rule = new KillSwitch(RiskOptions.None with { KillSwitchLoss = 0.30m });
        var context = Flat() with { Equity = equity };

        var events = rule.Review(context).ToList();

        Assert.Equal(engaged, events.Count == 1);
        if (engaged)
        {
            var halt = Assert.IsType<TradingHalted>(events[0]);
            Assert.Equal(RiskReason.KillSwitch, halt.Reason);
            Assert.Equal(HaltReset.Operator, halt.Reset);
            var nextDay = context.After(halt) with { TradingDay = Today.AddDays(5), Equity = 10_000m };
            Assert.NotNull(rule.Refusal(nextDay));
        }
    }

    [Fact]
    public void EngageKillSwitch_ByOperator_RefusesEntriesAndStrategyExitsAndFlattensWhenConfigured()
    {
        var gate = new RiskGate(RiskOptions.None with { FlattenOnKillSwitch = true });
        var context = Flat().With(Btc, 0.1m, 50_000m).With(Eth, -2m, 2_000m);

        var review = gate.EngageKillSwitch(context, "Operator pressed the kill switch.");
        var halted = context.After([.. review.Events]);

        Assert.Equal(2, review.Orders.Count);
        Assert.Contains(review.Orders, o => o.Symbol == Btc && o.Side == OrderSide.Sell && o.Quantity == 0.1m && o.Purpose == RiskOrderPurpose.Exit);
        Assert.Contains(review.Orders, o => o.Symbol == Eth && o.Side == OrderSide.Buy && o.Quantity == 2m);
        Assert.Equal(RiskReason.KillSwitch, gate.EvaluateEntry(Buy(Sol, 100m), halted).Reason);
        Assert.Equal(RiskReason.KillSwitch, gate.EvaluateExit("sma-cross", Btc, halted).Reason);
        Assert.Empty(gate.EngageKillSwitch(halted, "again").Events);
    }

    [Fact]
    public void EngageKillSwitch_WithoutFlatten_SendsNoOrders()
    {
        var gate = new RiskGate(RiskOptions.None);

        var review = gate.EngageKillSwitch(Flat().With(Btc, 0.1m, 50_000m), "stop");

        Assert.Single(review.Events);
        Assert.Empty(review.Orders);
    }

    [Fact]
    public void Resume_ByOperator_ReleasesTheKillSwitch()
    {
        var gate = new RiskGate(RiskOptions.None);
        var halted = Flat().After([.. gate.EngageKillSwitch(Flat(), "stop").Events]);

        var released = halted.After([.. RiskGate.Resume(halted, RiskReason.KillSwitch, "all clear").Events]);

        Assert.True(gate.EvaluateEntry(Buy(Btc, 100m), released).IsApproved);
    }
}

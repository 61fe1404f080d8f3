using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk;

public sealed class RiskStateTests
{
    [Fact]
    public void Apply_EachEvent_ChangesOnlyWhatItSays()
    {
        var levels = new ExitLevels(true, 95m, null, null, null);

        var state = RiskState.Start(10_000m).Apply(
        [
            new EquityPeakRaised(Now, 11_000m),
            new EquityPeakRaised(Now, 10_500m),
            new OrderPlaced(Now, Btc, RiskOrderPurpose.Entry),
            new ExitLevelsSet(Now, Btc, levels),
            new TradingHalted(Now, RiskReason.DailyLossLimit, Today, HaltReset.NextDay, "loss"),
            new PositionClosed(Now.AddMinutes(5), Btc, StoppedOut: true),
        ]);

        Assert.Equal(10_000m, state.StartingEquity);
        Assert.Equal(11_000m, state.EquityPeak);
        Assert.Equal(new[] { Now }, state.OrderTimes);
        Assert.True(state.IsHalted(RiskReason.DailyLossLimit));
        Assert.False(state.KillSwitchEngaged);
        Assert.Equal(Now.AddMinutes(5), state.LastExits[Btc]);
        Assert.Equal(new[] { new StopOut(Btc, Now.AddMinutes(5)) }, state.StopOuts);
        Assert.False(state.ExitLevels.ContainsKey(Btc));
        Assert.False(state.Apply(new TradingResumed(Now, RiskReason.DailyLossLimit, true, "ok")).IsHalted(RiskReason.DailyLossLimit));
    }

    [Fact]
    public void Prune_ForgetsOnlyWhatIsOlderThanTheCutoff()
    {
        var state = RiskState.Start(1m).Apply(
        [
            new OrderPlaced(Now.AddHours(-3), Btc, RiskOrderPurpose.Entry),
            new OrderPlaced(Now.AddHours(-1), Btc, RiskOrderPurpose.Exit),
            new PositionClosed(Now.AddHours(-3), Eth, true),
            new PositionClosed(Now.AddHours(-1), Btc, true),
        ]);

        var pruned = state.Prune(Now.AddHours(-2));

        Assert.Equal(new[] { Now.AddHours(-1) }, pruned.OrderTimes);
        Assert.Equal(new[] { new StopOut(Btc, Now.AddHours(-1)) }, pruned.StopOuts);
        Assert.False(pruned.LastExits.ContainsKey(Eth));
        Assert.Same(pruned, pruned.Prune(Now.AddHours(-2)));
    }
}

using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

public sealed class StoplossGuardTests
{
    private static readonly RiskOptions Options = RiskOptions.None with
    {
        StoplossGuardCount = 3,
        StoplossGuardWindow = TimeSpan.FromHours(24),
        StoplossGuardLock = TimeSpan.FromHours(6),
    };

    [Theory]
    [InlineData(new[] { 60, 120 }, false)]
    [InlineData(new[] { 60, 120, 180 }, true)]
    [InlineData(new[] { 60, 120, 60 * 25 }, false)]
    [InlineData(new[] { 359, 400, 500 }, true)]
    [InlineData(new[] { 360, 400, 500 }, false)]
    public void Check_ThreeStopOutsWithinADayLockSixHours(int[] minutesAgo, bool rejected)
    {
        var context = StoppedOut(Btc, minutesAgo);

        var verdict = new StoplossGuard(Options).Check(new EntryProposal(Buy(Btc, 100m), context, Options.Strategy, 0m));

        Assert.Equal(rejected, verdict.IsRejection);
        Assert.Equal(rejected ? RiskReason.StoplossGuard : null, verdict.Reason);
    }

    [Fact]
    public void Check_PlainExitsDoNotCount()
    {
        var context = Flat().After([.. Enumerable.Range(1, 5).Select(m => (RiskEvent)new PositionClosed(Now.AddMinutes(-m), Btc, false))]);

        Assert.False(new StoplossGuard(Options).Check(new EntryProposal(Buy(Btc, 100m), context, Options.Strategy, 0m)).IsRejection);
    }

    [Fact]
    public void Check_PerSymbol_OnlyLocksTheStoppedSymbol()
    {
        var options = Options with { StoplossGuardPerSymbol = true };
        var context = StoppedOut(Eth, 10, 20, 30);

        Assert.False(new StoplossGuard(options).Check(new EntryProposal(Buy(Btc, 100m), context, options.Strategy, 0m)).IsRejection);
        Assert.True(new StoplossGuard(options).Check(new EntryProposal(Buy(Eth, 100m), context, options.Strategy, 0m)).IsRejection);
        Assert.True(new StoplossGuard(Options).Check(new EntryProposal(Buy(Btc, 100m), context, Options.Strategy, 0m)).IsRejection);
    }

    private static RiskContext StoppedOut(Symbol symbol, params int[] minutesAgo) =>
        Flat().After([.. minutesAgo.Select(m => (RiskEvent)new PositionClosed(Now.AddMinutes(-m), symbol, true))]);
}

using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Rules;

/// <summary>DailyLossLimit and MaxDrawdown: when they trip, how they halt, and how a halt ends.</summary>
public sealed class AccountHaltTests
{
    private static readonly RiskOptions Options = RiskOptions.None with { DailyLossLimit = 0.05m, MaxDrawdown = 0.20m };

    [Theory]
    [InlineData(-499.99, 0, false)]
    [InlineData(-500, 0, true)]
    [InlineData(-200, -300, true)]
    [InlineData(-600, 100.01, false)]
    [InlineData(-600, 100, true)]
    [InlineData(1000, 0, false)]
    public void DailyLossLimit_Check_LossOfTheDayAgainstFivePercentOfDayStart(decimal realized, decimal unrealized, bool rejected)
    {
        var context = Flat() with { RealizedPnLToday = realized, UnrealizedPnLToday = unrealized, Equity = 10_000m + realized + unrealized };

        var verdict = new DailyLossLimit(Options).Check(new EntryProposal(Buy(Btc, 100m), context, Options.Strategy, 0m));

        Assert.Equal(rejected, verdict.IsRejection);
        if (rejected)
        {
            Assert.Equal(RiskReason.DailyLossLimit, verdict.Reason);
            Assert.Contains("Daily loss limit reached", verdict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DailyLossLimit_Review_HaltsOnceThenResumesOnTheNextUtcDay()
    {
        var rule = new DailyLossLimit(Options);
        var losing = Flat() with { RealizedPnLToday = -600m, Equity = 9_400m };

        var halt = Assert.IsType<TradingHalted>(Assert.Single(rule.Review(losing)));
        var halted = losing.After(halt);
        var again = rule.Review(halted);
        var nextDay = halted with { TradingDay = Today.AddDays(1), Now = Now.AddDays(1), RealizedPnLToday = 0m, DayStartEquity = 9_400m };
        var resume = Assert.IsType<TradingResumed>(Assert.Single(rule.Review(nextDay)));

        Assert.Equal(RiskReason.DailyLossLimit, halt.Reason);
        Assert.Equal(Today, halt.Day);
        Assert.Empty(again);
        Assert.True(rule.Check(new EntryProposal(Buy(Btc, 100m), halted with { RealizedPnLToday = 0m }, Options.Strategy, 0m)).IsRejection);
        Assert.False(resume.ByOperator);
        Assert.False(rule.Check(new EntryProposal(Buy(Btc, 100m), nextDay, Options.Strategy, 0m)).IsRejection);
    }

    [Fact]
    public void DailyLossLimit_OperatorReset_StaysHaltedOnTheNextDay()
    {
        var options = Options with { DailyLossReset = HaltReset.Operator };
        var rule = new DailyLossLimit(options);
        var halted = Flat().After(new TradingHalted(Now, RiskReason.DailyLossLimit, Today, HaltReset.Operator, "Daily loss limit reached."));
        var nextDay = halted with { TradingDay = Today.AddDays(1), Now = Now.AddDays(1) };

        Assert.Empty(rule.Review(nextDay));
        Assert.True(rule.Check(new EntryProposal(Buy(Btc, 100m), nextDay, options.Strategy, 0m)).IsRejection);
        var resumed = nextDay.After([.. RiskGate.Resume(nextDay, RiskReason.DailyLossLimit, "operator").Events]);
        Assert.False(rule.Check(new EntryProposal(Buy(Btc, 100m), resumed, options.Strategy, 0m)).IsRejection);
    }

    [Theory]
    [InlineData(8_000.01, false)]
    [InlineData(8_000, true)]
    [InlineData(7_000, true)]
    public void MaxDrawdown_Check_TwentyPercentBelowThePeak(decimal equity, bool rejected)
    {
        var context = Flat() with { Equity = equity, State = RiskState.Start(10_000m) };

        var verdict = new MaxDrawdown(Options).Check(new EntryProposal(Buy(Btc, 100m), context, Options.Strategy, 0m));

        Assert.Equal(rejected, verdict.IsRejection);
    }

    [Fact]
    public void MaxDrawdown_Review_TracksThePeakAndHaltsFromIt()
    {
        var rule = new MaxDrawdown(Options);
        var up = Flat() with { Equity = 12_000m };

        var raised = Assert.IsType<EquityPeakRaised>(Assert.Single(rule.Review(up)));
        var down = up.After(raised) with { Equity = 9_600m };
        var halt = Assert.IsType<TradingHalted>(Assert.Single(rule.Review(down)));

        Assert.Equal(12_000m, raised.Equity);
        Assert.Equal(RiskReason.MaxDrawdown, halt.Reason);
        Assert.Equal(HaltReset.Operator, halt.Reset);
        Assert.Contains("20 % below its peak 12000", halt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxDrawdown_NextDayResume_ResetsThePeakToEquity()
    {
        var options = Options with { DrawdownReset = HaltReset.NextDay };
        var rule = new MaxDrawdown(options);
        var halted = (Flat() with { Equity = 7_000m }).After(new TradingHalted(Now, RiskReason.MaxDrawdown, Today, HaltReset.NextDay, "drawdown"));
        var nextDay = halted with { TradingDay = Today.AddDays(1) };

        var resume = Assert.IsType<TradingResumed>(Assert.Single(rule.Review(nextDay)));
        var after = nextDay.After(resume);

        Assert.Equal(7_000m, resume.EquityPeak);
        Assert.Equal(7_000m, after.State.EquityPeak);
        Assert.Empty(rule.Review(after));
        Assert.False(rule.Check(new EntryProposal(Buy(Btc, 100m), after, options.Strategy, 0m)).IsRejection);
    }

    [Fact]
    public void OperatorResume_Drawdown_ResetsThePeak()
    {
        var halted = (Flat() with { Equity = 7_500m }).After(new TradingHalted(Now, RiskReason.MaxDrawdown, Today, HaltReset.Operator, "drawdown"));

        var review = RiskGate.Resume(halted, RiskReason.MaxDrawdown, "checked the strategy");
        var resumed = Assert.IsType<TradingResumed>(Assert.Single(review.Events));

        Assert.True(resumed.ByOperator);
        Assert.Equal(7_500m, halted.After(resumed).State.EquityPeak);
        Assert.Empty(RiskGate.Resume(halted.After(resumed), RiskReason.MaxDrawdown, "again").Events);
    }
}

using TradingBot.Backtesting.Engine;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using static TradingBot.Backtesting.Tests.Risk.RiskRuns;

namespace TradingBot.Backtesting.Tests.Risk;

public sealed class DailyLossLimitRunTests
{
    /// <summary>
    /// Hourly bars over two UTC days. All-in long at bar 1's close (100 units at 100, filled at bar 2's open); bar 2
    /// falls to 93: the day lost 7 % ≥ 5 %, so trading halts at bar 2's close. The exit at bar 3 is allowed; the
    /// entries signalled at bars 5 and 10 are refused; the halt ends at the first bar of the next day (bar 24) and
    /// the entry signalled at bar 25 fills at bar 26.
    /// </summary>
    [Fact]
    public void Run_LossBreachesTheDailyLimit_HaltsAndOpensNoTradeUntilTheNextUtcDay()
    {
        var candles = Hourly([(100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 93m, 93m), .. Flat(93m, 27)]);
        var risk = RiskOptions.None with { DailyLossLimit = 0.05m };

        var result = Run(candles, risk, (1, TargetPosition.Long), (3, TargetPosition.Flat), (5, TargetPosition.Long), (10, TargetPosition.Long), (25, TargetPosition.Long));

        Assert.Collection(result.Halts,
            h => Assert.Equal((2, true, RiskReason.DailyLossLimit), (h.Bar, h.Halted, h.Reason)),
            h => Assert.Equal((24, false, RiskReason.DailyLossLimit), (h.Bar, h.Halted, h.Reason)));
        Assert.Contains("Daily loss limit reached: the loss of 700 on 2024-01-01 (UTC)", result.Halts[0].Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 5, 10 }, result.Rejections.Select(r => r.Bar));
        Assert.All(result.Rejections, r => Assert.Equal("daily-loss-limit", r.Code));
        Assert.Collection(result.Trades,
            t => Assert.Equal((2, 4, 100m, 100m, 93m, ExitReason.Signal), (t.EntryBar, t.ExitBar, t.Size, t.EntryPrice, t.ExitPrice, t.ExitReason)),
            t => Assert.Equal((26, 29, ExitReason.End), (t.EntryBar, t.ExitBar, t.ExitReason)));
        Assert.DoesNotContain(result.Trades, t => t.EntryBar > 2 && t.EntryTime.Day == 1);
    }

    [Fact]
    public void Run_LossBelowTheLimit_NeverHalts()
    {
        var candles = Hourly([(100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 95.01m, 95.01m), .. Flat(95.01m, 5)]);

        var result = Run(candles, RiskOptions.None with { DailyLossLimit = 0.05m }, (1, TargetPosition.Long), (3, TargetPosition.Flat), (5, TargetPosition.Long));

        Assert.Empty(result.Halts);
        Assert.Empty(result.Rejections);
        Assert.Equal(2, result.Trades.Count);
    }
}

using TradingBot.Backtesting.Engine;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Testing;
using static TradingBot.Backtesting.Tests.Risk.RiskRuns;

namespace TradingBot.Backtesting.Tests.Risk;

public sealed class KillSwitchRunTests
{
    [Fact]
    public void Run_EquityFallsThroughTheKillSwitchLoss_FlattensAndRefusesEveryLaterOrder()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 79m, 79m),
            (79m, 80m, 78m, 80m), (80m, 90m, 80m, 90m), (90m, 95m, 90m, 95m), (95m, 95m, 95m, 95m));
        var risk = RiskOptions.None with { KillSwitchLoss = 0.20m, FlattenOnKillSwitch = true };

        var result = Run(candles, risk, (1, TargetPosition.Long), (4, TargetPosition.Long));

        var halt = Assert.Single(result.Halts);
        Assert.Equal((2, true, "kill-switch"), (halt.Bar, halt.Halted, halt.Code));
        var trade = Assert.Single(result.Trades);
        Assert.Equal((2, 3, 79m, ExitReason.KillSwitch), (trade.EntryBar, trade.ExitBar, trade.ExitPrice, trade.ExitReason));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((4, "kill-switch"), (rejection.Bar, rejection.Code));
    }

    [Fact]
    public void Run_KillSwitchWithoutFlatten_KeepsThePositionAndRefusesTheStrategyExit()
    {
        var candles = Candles.FromOhlc((100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 79m, 79m),
            (79m, 80m, 78m, 80m), (80m, 90m, 80m, 90m), (90m, 90m, 90m, 90m));

        var result = Run(candles, RiskOptions.None with { KillSwitchLoss = 0.20m }, (1, TargetPosition.Long), (3, TargetPosition.Flat));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((5, ExitReason.End), (trade.ExitBar, trade.ExitReason));
        Assert.Equal((3, RiskReason.KillSwitch), (Assert.Single(result.Rejections).Bar, result.Rejections[0].Reason));
    }
}

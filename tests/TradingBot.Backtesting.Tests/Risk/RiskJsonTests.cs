using System.Text.Json;
using TradingBot.Backtesting.Reports;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using static TradingBot.Backtesting.Tests.Risk.RiskRuns;

namespace TradingBot.Backtesting.Tests.Risk;

public sealed class RiskJsonTests
{
    [Fact]
    public void ToJson_RiskRun_ListsRejectionsHaltsAndExitReasons()
    {
        var candles = Hourly([(100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 93m, 93m), .. Flat(93m, 27)]);
        var result = Run(candles, RiskOptions.None with { DailyLossLimit = 0.05m, Strategy = RiskOptions.None.Strategy with { StopLossPercent = 0.5m } },
            (1, TargetPosition.Long), (3, TargetPosition.Flat), (5, TargetPosition.Long), (25, TargetPosition.Long));

        using var json = JsonDocument.Parse(BacktestJson.ToJson(result));

        var root = json.RootElement;
        var rejection = Assert.Single(root.GetProperty("rejections").EnumerateArray());
        Assert.Equal(5, rejection.GetProperty("bar").GetInt32());
        Assert.Equal("2024-01-01T05:00:00.0000000Z", rejection.GetProperty("time").GetString());
        Assert.Equal("daily-loss-limit", rejection.GetProperty("reason").GetString());
        Assert.StartsWith("Daily loss limit reached", rejection.GetProperty("message").GetString(), StringComparison.Ordinal);
        var halts = root.GetProperty("halts").EnumerateArray().ToList();
        Assert.Equal(["halt", "resume"], halts.Select(h => h.GetProperty("event").GetString()));
        Assert.All(halts, h => Assert.Equal("daily-loss-limit", h.GetProperty("reason").GetString()));
        Assert.Equal(["signal", "end"], root.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("exitReason").GetString()));
    }

    [Fact]
    public void ToJson_ReferenceRun_HasNoRiskKeys()
    {
        var result = TradingBot.Backtesting.Engine.Backtest.Run(Hourly([.. Flat(100m, 3)]), TradingBot.Testing.ScriptedStrategy.At((1, TargetPosition.Long)));

        using var json = JsonDocument.Parse(BacktestJson.ToJson(result));

        Assert.False(json.RootElement.TryGetProperty("rejections", out _));
        Assert.False(json.RootElement.TryGetProperty("halts", out _));
    }
}

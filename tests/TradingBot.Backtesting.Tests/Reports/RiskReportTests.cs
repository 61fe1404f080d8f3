using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Testing;
using static TradingBot.Backtesting.Tests.Risk.RiskRuns;

namespace TradingBot.Backtesting.Tests.Reports;

/// <summary>In risk mode the report lists rejections by reason and marks halts and resumes on the timeline.</summary>
public sealed class RiskReportTests
{
    private static BacktestResult DailyLossRun()
    {
        var candles = Hourly([(100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m), (100m, 100m, 93m, 93m), .. Flat(93m, 27)]);
        return Run(candles, RiskOptions.None with { DailyLossLimit = 0.05m, Strategy = RiskOptions.None.Strategy with { StopLossPercent = 0.5m } },
            (1, TargetPosition.Long), (3, TargetPosition.Flat), (5, TargetPosition.Long), (25, TargetPosition.Long));
    }

    [Fact]
    public void From_RiskRun_TurnsRejectionsHaltsAndResumesIntoEventsAtTheirBars()
    {
        var result = DailyLossRun();

        var events = ReportEvents.From(result);

        var rejection = Assert.Single(events, e => e.Kind == "rejection");
        Assert.Equal(5, rejection.Bar);
        Assert.StartsWith("[daily-loss-limit] Daily loss limit reached", rejection.Text, StringComparison.Ordinal);
        Assert.Single(events, e => e.Kind == "halt");
        Assert.Single(events, e => e.Kind == "resume");
        Assert.Equal(events.OrderBy(e => e.Bar).Select(e => e.Bar), events.Select(e => e.Bar));
    }

    [Fact]
    public void Write_RiskRun_HasTheRejectionsByReasonTable()
    {
        var html = ReportHtml.Write(writer => HtmlReport.Write(writer, DailyLossRun()));

        Assert.Contains("Risk: rejections by reason (1)", html, StringComparison.Ordinal);
        Assert.Contains("<td>daily-loss-limit</td><td class=\"num\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("Trading halts: 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReferenceRun_HasNoRiskSection()
    {
        var result = Backtest.Run(Hourly([.. Flat(100m, 3)]), ScriptedStrategy.At((1, TargetPosition.Long)));

        var html = ReportHtml.Write(writer => HtmlReport.Write(writer, result));

        Assert.DoesNotContain("Risk: rejections by reason", html, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Backtesting.Statistics;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly Lazy<BacktestResult> Run = new(() => ReportRuns.SmaCross());
    private static readonly Lazy<string> Page = new(() => ReportHtml.Write(w => HtmlReport.Write(w, Run.Value)));

    [Fact]
    public void Write_AnyRun_StatisticsTableHasEveryStatisticWithLabelValueAndDefinition()
    {
        var statistics = Run.Value.Statistics;

        foreach (var definition in StatisticDefinitions.All)
        {
            var row = $"<tr data-key=\"{definition.Key}\"><td>{WebUtility.HtmlEncode(definition.Label)}</td>" +
                $"<td class=\"num\">{WebUtility.HtmlEncode(definition.Format(statistics))}</td>" +
                $"<td class=\"definition\">{WebUtility.HtmlEncode(definition.Definition)}</td></tr>";
            Assert.Contains(row, Page.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_RunWithTrades_DataIslandHasEveryTradeExactly()
    {
        var trades = Run.Value.Trades;
        Assert.True(trades.Count > 10, "the fixture run should trade");
        Assert.Contains(trades, t => t.IsLong);
        Assert.Contains(trades, t => !t.IsLong);

        var island = ReportHtml.Island(Page.Value).GetProperty("trades");
        var reasons = ReportHtml.Island(Page.Value).GetProperty("reasons");

        Assert.Equal(trades.Count, island.GetProperty("count").GetInt32());
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            Assert.Equal(t.Size.ToString(CultureInfo.InvariantCulture), island.GetProperty("size")[i].GetString());
            Assert.Equal(t.EntryPrice.ToString(CultureInfo.InvariantCulture), island.GetProperty("entryPrice")[i].GetString());
            Assert.Equal(t.ExitPrice.ToString(CultureInfo.InvariantCulture), island.GetProperty("exitPrice")[i].GetString());
            Assert.Equal(t.PnL.ToString(CultureInfo.InvariantCulture), island.GetProperty("pnl")[i].GetString());
            Assert.Equal(t.Commission.ToString(CultureInfo.InvariantCulture), island.GetProperty("commission")[i].GetString());
            Assert.Equal(t.EntryBar, island.GetProperty("entryBar")[i].GetInt32());
            Assert.Equal(t.ExitBar, island.GetProperty("exitBar")[i].GetInt32());
            Assert.Equal(t.EntryTime.ToUnixTimeMilliseconds(), island.GetProperty("entryTime")[i].GetInt64());
            Assert.Equal(t.ExitTime.ToUnixTimeMilliseconds(), island.GetProperty("exitTime")[i].GetInt64());
            Assert.Equal(BacktestJson.ExitReasonName(t.ExitReason), reasons[island.GetProperty("exitReason")[i].GetInt32()].GetString());
            Assert.Equal(t.EntryReason, reasons[island.GetProperty("entryReason")[i].GetInt32()].GetString());
        }
    }

    [Fact]
    public void Write_ShortRun_MarkersSitOnTheTradesOwnBars()
    {
        var data = ReportHtml.Island(Page.Value);
        var trades = data.GetProperty("trades");
        var times = data.GetProperty("candles").GetProperty("time");

        Assert.Equal(Run.Value.Candles.Count, times.GetArrayLength());
        Assert.Equal(1, data.GetProperty("barsPerBucket").GetInt32());
        for (var i = 0; i < Run.Value.Trades.Count; i++)
        {
            var trade = Run.Value.Trades[i];
            Assert.Equal(trade.EntryBar, trades.GetProperty("entryBucket")[i].GetInt32());
            Assert.Equal(trade.ExitBar, trades.GetProperty("exitBucket")[i].GetInt32());
            Assert.Equal(Run.Value.Candles[trade.EntryBar].Time.ToUnixTimeSeconds(), times[trade.EntryBar].GetInt64());
        }

        Assert.DoesNotContain("Downsampled for drawing", Page.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RecordedPlots_EveryIndicatorLineIsInTheIsland()
    {
        var plots = ReportHtml.Island(Page.Value).GetProperty("plots");

        Assert.Equal(Run.Value.Plots.Select(p => p.Name), plots.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var slow = plots[1].GetProperty("values");
        Assert.Equal(JsonValueKind.Null, slow[0].ValueKind); // SMA(20) is undefined before its 20th bar
        Assert.Equal(Run.Value.Plots[1].Values[^1], slow[slow.GetArrayLength() - 1].GetDouble());
    }

    [Fact]
    public void Write_EquityAndDrawdown_OnePointPerBarWithDrawdownNegativePercent()
    {
        var data = ReportHtml.Island(Page.Value);
        var equity = data.GetProperty("equity");
        var drawdown = data.GetProperty("drawdownPct");
        var expectedDrawdown = Run.Value.Drawdown;

        Assert.Equal(Run.Value.Equity.Length, equity.GetArrayLength());
        Assert.Equal(Run.Value.Equity[^1], equity[equity.GetArrayLength() - 1].GetDouble());
        Assert.Equal(-expectedDrawdown.Max() * 100, drawdown.EnumerateArray().Min(d => d.GetDouble()), 10);
    }

    [Fact]
    public void Write_HostileStrings_AreEscapedInMarkupAndRoundTripInData()
    {
        var run = ReportRuns.Hostile();

        var html = ReportHtml.Write(w => HtmlReport.Write(w, run));

        foreach (var raw in new[] { ReportRuns.HostileName, ReportRuns.HostileParameters, ReportRuns.HostileReason, ReportRuns.HostileWarning, ReportRuns.HostilePlot })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        var own = ReportHtml.OwnMarkup(html);
        Assert.DoesNotContain("<img", own, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", own, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"<[a-z][^<>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase), own); // no element with an event handler
        Assert.Equal(3, Regex.Count(html, "<script", RegexOptions.IgnoreCase)); // renderer, library, one data island
        Assert.Contains(WebUtility.HtmlEncode(ReportRuns.HostileName), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(ReportRuns.HostileWarning), html, StringComparison.Ordinal);
        var data = ReportHtml.Island(html);
        Assert.Equal(ReportRuns.HostileName, data.GetProperty("strategy").GetString());
        Assert.Equal(ReportRuns.HostileParameters, data.GetProperty("parameters").GetString());
        Assert.Equal(ReportRuns.HostilePlot, data.GetProperty("plots")[0].GetProperty("name").GetString());
        Assert.Contains(ReportRuns.HostileReason, data.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(ReportRuns.HostileWarning, data.GetProperty("events")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Write_AnyRun_ReferencesNoNetworkResource()
    {
        var html = Page.Value;
        var own = ReportHtml.OwnMarkup(html);

        Assert.DoesNotMatch(new Regex(@"\b(src|href|action|poster|data|srcset)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//|@import", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("http://", own, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", own, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("default-src 'none';", ReportHtml.ContentSecurityPolicy(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnyRun_EmbedsTheChartLibraryUnmodifiedWithItsLicense()
    {
        var scripts = ReportHtml.InlineScripts(Page.Value);

        Assert.Contains(ReportAssetsText.Library, scripts);
        Assert.Contains("@license", ReportAssetsText.Library, StringComparison.Ordinal);
        Assert.Contains("TradingView Lightweight Charts™ 5.2.1", Page.Value, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(ReportAssetsText.LibraryLicense), Page.Value, StringComparison.Ordinal);
        Assert.Contains("Apache License", ReportAssetsText.LibraryLicense, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnyRun_PolicyAllowsExactlyTheInlineScripts()
    {
        var policy = ReportHtml.ContentSecurityPolicy(Page.Value);
        var scripts = ReportHtml.InlineScripts(Page.Value);

        Assert.Equal(2, scripts.Count);
        foreach (var script in scripts)
        {
            Assert.Contains($"'sha256-{ReportHtml.Sha256(script)}'", policy, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline' 'sha", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("script-src[^;]*unsafe-inline"), policy);
    }

    [Fact]
    public void Write_MoreBarsThanChartPoints_DrawsOhlcBucketsAndSaysSo()
    {
        var run = ReportRuns.SmaCross(95);

        var html = ReportHtml.Write(w => HtmlReport.Write(w, run, maxChartPoints: 10));

        var data = ReportHtml.Island(html);
        Assert.Contains("Downsampled for drawing:</strong> 95 bars are drawn as 10 OHLC candles of up to 10 bars", html, StringComparison.Ordinal);
        Assert.Equal(10, data.GetProperty("candles").GetProperty("time").GetArrayLength());
        Assert.Equal(10, data.GetProperty("equity").GetArrayLength());
        Assert.Equal(run.Trades.Count, data.GetProperty("trades").GetProperty("count").GetInt32());
        for (var i = 0; i < run.Trades.Count; i++)
        {
            Assert.Equal(run.Trades[i].EntryBar / 10, data.GetProperty("trades").GetProperty("entryBucket")[i].GetInt32());
            Assert.Equal(run.Trades[i].EntryPrice.ToString(CultureInfo.InvariantCulture), data.GetProperty("trades").GetProperty("entryPrice")[i].GetString());
        }
    }

    [Fact]
    public void Write_OptionsDifferFromReferenceMode_HighlightsThoseSettings()
    {
        var html = Page.Value;

        Assert.Contains("<tr class=\"deviation\"><td>Commission (relative, entry and exit)</td><td>0.001</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Cash</td><td>10000</td><td>10000</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Parameters</td><td>fast=5,slow=20</td><td></td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WarningWithBar_IsListedAndMarkedOnItsBar()
    {
        var run = ReportRuns.Hostile();

        var data = ReportHtml.Island(ReportHtml.Write(w => HtmlReport.Write(w, run)));

        var events = data.GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal(3, events[0].GetProperty("bar").GetInt32());
        Assert.Equal(3, events[0].GetProperty("bucket").GetInt32());
        Assert.Equal("warning", events[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, events[1].GetProperty("bar").ValueKind);
    }

    [Fact]
    public void Write_NoTrades_WritesAPageWithAnEmptyTradeList()
    {
        var candles = ReportRuns.Market(50, TimeSpan.FromDays(1));
        var run = Backtest.Run(candles, ScriptedStrategy.At());

        var html = ReportHtml.Write(w => HtmlReport.Write(w, run));

        Assert.Equal(0, ReportHtml.Island(html).GetProperty("trades").GetProperty("count").GetInt32());
        Assert.Contains("<h3>Trades (0)</h3>", html, StringComparison.Ordinal);
        Assert.False(ReportHtml.Island(html).GetProperty("intraday").GetBoolean());
    }
}

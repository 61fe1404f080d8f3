using System.Globalization;
using System.Text.RegularExpressions;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

/// <summary>
/// Opens written reports in headless Chromium (no network: every host name is unresolvable) and reads back what the
/// page script recorded: <c>data-rendered</c> after drawing, <c>data-error</c> on any script error, and
/// <c>data-csp-violations</c> for any attempted request. Skipped, with the reason, where Chromium is not installed.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private const string Pwned = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\">";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tradingbot-report-");

    public void Dispose() => _folder.Delete(recursive: true);

    [ChromiumFact]
    public async Task HtmlReport_OpenedInChromium_DrawsChartsMarkersAndTradesWithoutErrors()
    {
        var run = ReportRuns.SmaCross();

        var page = await RenderAsync(w => HtmlReport.Write(w, run));

        AssertRenderedCleanly(page);
        Assert.Equal((2 * run.Trades.Count).ToString(CultureInfo.InvariantCulture), page.AttributeOf("<section[^>]*data-backtest[^>]*>", "data-markers"));
        Assert.Equal((2 * run.Trades.Count).ToString(CultureInfo.InvariantCulture), page.AttributeOf("<section[^>]*data-backtest[^>]*>", "data-markers-drawn"));
        Assert.True(page.Count("canvas") >= 6, $"expected the three chart panes to draw on canvases, found {page.Count("canvas")}");
        Assert.Equal(Math.Min(100, run.Trades.Count), Regex.Count(page.Dom, "<tr data-trade="));
        Assert.Contains($"of {run.Trades.Count} (page 1 of", page.Dom, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(page.Dom, "<span style=\"--swatch:")); // one legend entry per indicator line
    }

    [ChromiumFact]
    public async Task HtmlReport_MillionBarScaleRunDownsampled_RendersInChromium()
    {
        var candles = ReportRuns.Market(25_000, TimeSpan.FromMinutes(1));
        var run = Backtest.Run(candles, new Core.Strategies.SmaCrossStrategy(10, 20), recordPlots: true, parameters: "fast=10,slow=20");

        var page = await RenderAsync(w => HtmlReport.Write(w, run));

        AssertRenderedCleanly(page);
        Assert.Contains("Downsampled for drawing", page.Dom, StringComparison.Ordinal);
        Assert.True(run.Trades.Count > 1_000, $"the fixture should trade often, traded {run.Trades.Count} times");
        Assert.Equal((2 * run.Trades.Count).ToString(CultureInfo.InvariantCulture), page.AttributeOf("<section[^>]*data-backtest[^>]*>", "data-markers"));
        Assert.Equal("0", page.AttributeOf("<section[^>]*data-backtest[^>]*>", "data-markers-drawn")); // too many in view: zoom in
        Assert.Contains("markers in view: zoom in", page.Dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task HeatmapReport_OpenedInChromium_RendersHeatmapTableAndBestRun()
    {
        var result = ReportRuns.Grid();

        var page = await RenderAsync(w => HeatmapReport.Write(w, result));

        AssertRenderedCleanly(page);
        Assert.Equal(12, Regex.Count(page.Dom, "<rect class=\"cell\""));
        Assert.Equal("true", page.AttributeOf("<section[^>]*id=\"best-run\"[^>]*>", "data-rendered"));
        Assert.True(page.Count("canvas") >= 6);
    }

    [ChromiumFact]
    public async Task HtmlReport_InjectionAttemptsInEveryTextField_RunNothingInChromium()
    {
        var hostile = ReportRuns.Hostile();
        var run = new BacktestResult
        {
            Strategy = Pwned,
            Parameters = Pwned,
            Options = hostile.Options,
            Candles = hostile.Candles,
            Statistics = hostile.Statistics,
            Trades = [.. hostile.Trades.Select(t => t with { EntryReason = Pwned })],
            Equity = hostile.Equity,
            WarmupBars = hostile.WarmupBars,
            Plots = [(Pwned, hostile.Plots[0].Values)],
            Warnings = ["Bar 2: " + Pwned],
        };

        var page = await RenderAsync(w => HtmlReport.Write(w, run));

        AssertRenderedCleanly(page);
        Assert.Null(page.RootAttribute("data-pwned"));
        Assert.DoesNotContain("<img", page.Dom, StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public async Task Report_WithCorruptData_ReportsTheScriptErrorInsteadOfRendered()
    {
        var html = ReportHtml.Write(w => HtmlReport.Write(w, ReportRuns.SmaCross(100)));
        var corrupt = html.Replace("<script type=\"application/json\" data-report-data>{", "<script type=\"application/json\" data-report-data>{oops", StringComparison.Ordinal);

        var page = await RenderAsync(w => w.Write(corrupt));

        Assert.NotNull(page.RootAttribute("data-error"));
        Assert.Null(page.RootAttribute("data-rendered"));
    }

    [ChromiumFact]
    public async Task Report_WithAnInjectedRemoteImage_BrowserBlocksAndRecordsTheRequest()
    {
        var html = ReportHtml.Write(w => HtmlReport.Write(w, ReportRuns.SmaCross(100)));
        var leaky = html.Replace("</footer>", "<img src=\"https://example.invalid/beacon.gif\"></footer>", StringComparison.Ordinal);

        var page = await RenderAsync(w => w.Write(leaky));

        Assert.Contains("https://example.invalid/beacon.gif", page.RootAttribute("data-csp-violations") ?? string.Empty, StringComparison.Ordinal);
    }

    private static void AssertRenderedCleanly(RenderedPage page)
    {
        Assert.True(page.RootAttribute("data-error") is null, $"page script failed: {page.RootAttribute("data-error")}\n{page.BrowserLog}");
        Assert.Equal("true", page.RootAttribute("data-rendered"));
        Assert.Null(page.RootAttribute("data-csp-violations"));
    }

    private async Task<RenderedPage> RenderAsync(Action<TextWriter> write)
    {
        var path = Path.Combine(_folder.FullName, "report.html");
        await using (var writer = new StreamWriter(path))
        {
            write(writer);
        }

        return await HeadlessChromium.DumpDomAsync(path, CancellationToken.None);
    }
}

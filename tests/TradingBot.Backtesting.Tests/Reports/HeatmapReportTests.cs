using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Reports;
using TradingBot.Backtesting.Statistics;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Tests.Reports;

public sealed class HeatmapReportTests
{
    private static readonly Lazy<OptimizationResult> TwoParameters = new(() => ReportRuns.Grid());
    private static readonly Lazy<string> Page = new(() => ReportHtml.Write(w => HeatmapReport.Write(w, TwoParameters.Value)));

    [Fact]
    public void Write_TwoParameters_OneHeatmapWithACellPerValuePair()
    {
        var html = Page.Value;

        Assert.Equal(1, Regex.Count(html, "<figure class=\"heatmap\""));
        Assert.Equal(3 * 4, Regex.Count(html, "<rect class=\"cell\""));
        Assert.Contains("SQN by fast (x) and slow (y)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwoParameters_EveryCellCarriesItsParametersAndScore()
    {
        foreach (var run in TwoParameters.Value.Runs)
        {
            var label = $"fast = {run.Parameters["fast"].ToString(CultureInfo.InvariantCulture)}, slow = {run.Parameters["slow"].ToString(CultureInfo.InvariantCulture)}: " +
                $"SQN = {StatisticDefinitions.Number(run.Score)} (best of 1 run)";
            Assert.Contains($"<title>{WebUtility.HtmlEncode(label)}</title>", Page.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_BestRun_IsOutlinedAndReportedInFull()
    {
        var result = TwoParameters.Value;
        var html = Page.Value;

        Assert.Equal(1, Regex.Count(html, "stroke=\"#cf222e\""));
        Assert.Contains("<section class=\"backtest\" data-backtest id=\"best-run\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h2>Best run: {result.Best.Parameters}</h2>", html, StringComparison.Ordinal);
        var island = ReportHtml.Island(html);
        Assert.Equal(result.BestResult.Trades.Count, island.GetProperty("trades").GetProperty("count").GetInt32());
        Assert.Equal(StatisticDefinitions.All.Count, Regex.Count(html, "<tr data-key="));
    }

    [Fact]
    public void Write_TopRuns_AreSortableAndOrderedByScoreWithNaNLast()
    {
        var result = TwoParameters.Value;
        var table = Regex.Match(Page.Value, "<table class=\"sortable top-runs\">.*?</table>", RegexOptions.Singleline).Value;

        var rows = Regex.Count(table, "<tr><td class=\"num\" data-value=\"\\d+\">");
        Assert.Equal(result.Runs.Count, rows);
        var scores = Regex.Matches(table, "<tr>(?:<td[^>]*>[^<]*</td>){3}<td class=\"num\" data-value=\"([^\"]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(result.Runs.Count, scores.Count);
        var defined = scores.TakeWhile(s => !double.IsNaN(s)).ToList();
        Assert.Equal(defined.OrderByDescending(s => s), defined);
        Assert.All(scores.Skip(defined.Count), s => Assert.True(double.IsNaN(s)));
        Assert.Equal(result.Best.Score, scores[0]);
    }

    [Fact]
    public void Write_ThreeParameters_OneHeatmapPerPairAggregatedByMax()
    {
        var result = ReportRuns.Grid(MeanReversionStrategy.Definition,
            new ParameterRange("period", [10, 20]), new ParameterRange("k", [1.5, 2]), new ParameterRange("rsiPeriod", [7, 14]));

        var html = ReportHtml.Write(w => HeatmapReport.Write(w, result));

        Assert.Equal(3, Regex.Count(html, "<figure class=\"heatmap\""));
        Assert.Equal(3 * 2 * 2, Regex.Count(html, "<rect class=\"cell\""));
        Assert.Contains("each cell is the best score over every value of the other parameters", html, StringComparison.Ordinal);
        Assert.Contains("SQN by k (x) and rsiPeriod (y)", html, StringComparison.Ordinal);
        Assert.Equal(3 * 4, Regex.Count(html, "\\(best of 2 runs\\)</title>")); // each pair cell holds both values of the third
    }

    [Fact]
    public void Write_OneParameter_DrawsASingleRow()
    {
        var result = ReportRuns.Grid(new ParameterRange("fast", [2, 3, 4, 5]));

        var html = ReportHtml.Write(w => HeatmapReport.Write(w, result));

        Assert.Equal(1, Regex.Count(html, "<figure class=\"heatmap\""));
        Assert.Equal(4, Regex.Count(html, "<rect class=\"cell\""));
        Assert.Contains("SQN by fast</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnyResult_IsSelfContainedLikeTheBacktestReport()
    {
        var html = Page.Value;

        Assert.StartsWith("default-src 'none';", ReportHtml.ContentSecurityPolicy(html), StringComparison.Ordinal);
        Assert.Contains(ReportAssetsText.Library, ReportHtml.InlineScripts(html));
        Assert.DoesNotMatch(new Regex(@"\b(src|href|action|poster|data|srcset)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("http://", ReportHtml.OwnMarkup(html), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", ReportHtml.OwnMarkup(html), StringComparison.Ordinal);
    }
}

using System.Globalization;
using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The self-contained HTML report of a grid search: the maximised statistic as a heatmap over each pair of optimised
/// parameters (x = the first of the pair, y = the second; with more than two parameters each pair's cell is the
/// maximum over the others; with one parameter a single row), a sortable table of the top runs, and the full backtest
/// report of the best run. Same rules as <see cref="HtmlReport"/>: one file, no network requests.
/// </summary>
public static class HeatmapReport
{
    /// <summary>Rows in the top-runs table.</summary>
    public const int TopRuns = 100;

    private static readonly string[] ContextStatistics = ["returnPct", "sharpe", "maxDrawdownPct", "trades", "winRatePct", "sqn"];

    public static void Write(TextWriter writer, OptimizationResult result) => Write(writer, result, ChartBuckets.DefaultMaxPoints);

    internal static void Write(TextWriter writer, OptimizationResult result, int maxChartPoints)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var statistic = Definition(result.Maximize);
        var title = $"Optimisation: {result.Strategy}, maximising {statistic.Label}";
        ReportPage.WriteStart(writer, title);
        writer.Write($"<header><h1>{Html.Encode(title)}</h1></header>\n");
        WriteSummary(writer, result, statistic);
        WriteHeatmaps(writer, result, statistic);
        WriteTopRuns(writer, result, statistic);
        BacktestSection.Write(writer, result.BestResult, ReportEvents.From(result.BestResult), "best-run",
            $"Best run: {result.Best.Parameters}", maxChartPoints);
        ReportPage.WriteEnd(writer);
    }

    private static StatisticDefinition Definition(string key) =>
        StatisticDefinitions.All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown statistic '{key}'.", nameof(key));

    private static void WriteSummary(TextWriter writer, OptimizationResult result, StatisticDefinition statistic)
    {
        writer.Write("<section class=\"summary\">\n<table class=\"settings\"><tbody>\n");
        Row(writer, "Strategy", result.Strategy);
        Row(writer, "Maximised", $"{statistic.Label} ({statistic.Key}): {statistic.Definition}");
        foreach (var range in result.Ranges)
        {
            Row(writer, $"Range of {range.Name}", Describe(range));
        }

        Row(writer, "Runs evaluated", result.Runs.Count.ToString("N0", CultureInfo.InvariantCulture));
        Row(writer, "Grid points not run", $"{result.Excluded.ToString("N0", CultureInfo.InvariantCulture)} (excluded by the constraint or not a valid parameter set)");
        Row(writer, "Best parameters", result.Best.Parameters.ToString());
        Row(writer, $"Best {statistic.Label}", StatisticDefinitions.Number(result.Best.Score));
        writer.Write("</tbody></table>\n</section>\n");
    }

    private static void Row(TextWriter writer, string name, string value) =>
        writer.Write($"<tr><th>{Html.Encode(name)}</th><td>{Html.Encode(value)}</td></tr>\n");

    private static string Describe(ParameterRange range) =>
        range.Values.Count <= 12
            ? string.Join(", ", range.Values.Select(Html.Number))
            : $"{Html.Number(range.Values.Min())} … {Html.Number(range.Values.Max())} ({range.Values.Count.ToString(CultureInfo.InvariantCulture)} values)";

    private static void WriteHeatmaps(TextWriter writer, OptimizationResult result, StatisticDefinition statistic)
    {
        var ranges = result.Ranges;
        writer.Write("<section>\n<h2>Heatmaps</h2>\n");
        writer.Write(ranges.Count > 2
            ? "<p class=\"note\">One heatmap per pair of parameters; each cell is the best score over every value of the other parameters. "
            : "<p class=\"note\">");
        writer.Write("Outlined: the best run. White: not run. Grey: the statistic is not defined (NaN) for every run in the cell.</p>\n<div class=\"heatmaps\">\n");
        var best = result.Best.Parameters;
        if (ranges.Count == 1)
        {
            var grid = HeatmapGrid.Build(result.Runs, ranges[0], null);
            HeatmapSvg.Write(writer, grid, statistic.Label, "heatmap-0", (HeatmapGrid.ParameterValue(best, ranges[0].Name), double.NaN));
        }

        var index = 0;
        for (var a = 0; a < ranges.Count; a++)
        {
            for (var b = a + 1; b < ranges.Count; b++)
            {
                var grid = HeatmapGrid.Build(result.Runs, ranges[a], ranges[b]);
                var bestCell = (HeatmapGrid.ParameterValue(best, ranges[a].Name), HeatmapGrid.ParameterValue(best, ranges[b].Name));
                HeatmapSvg.Write(writer, grid, statistic.Label, $"heatmap-{index++}", bestCell);
            }
        }

        writer.Write("</div>\n</section>\n");
    }

    private static void WriteTopRuns(TextWriter writer, OptimizationResult result, StatisticDefinition statistic)
    {
        var ranked = result.Runs
            .Select((run, order) => (run, order))
            .OrderBy(x => double.IsNaN(x.run.Score) ? 1 : 0)
            .ThenByDescending(x => double.IsNaN(x.run.Score) ? 0 : x.run.Score)
            .ThenBy(x => x.order)
            .Take(TopRuns)
            .Select(x => x.run)
            .ToList();
        var columns = ContextStatistics
            .Where(k => !string.Equals(k, statistic.Key, StringComparison.OrdinalIgnoreCase))
            .Select(Definition)
            .ToList();
        writer.Write($"<section>\n<h2>Top runs</h2>\n<p class=\"note\">The best {ranked.Count.ToString(CultureInfo.InvariantCulture)} of ");
        writer.Write($"{result.Runs.Count.ToString(CultureInfo.InvariantCulture)} runs by {Html.Encode(statistic.Label)}. Click a column heading to sort.</p>\n");
        writer.Write("<table class=\"sortable top-runs\">\n<thead><tr><th class=\"num\">Rank</th>");
        foreach (var range in result.Ranges)
        {
            writer.Write($"<th class=\"num\">{Html.Encode(range.Name)}</th>");
        }

        writer.Write($"<th class=\"num\" aria-sort=\"descending\">{Html.Encode(statistic.Label)}</th>");
        foreach (var column in columns)
        {
            writer.Write($"<th class=\"num\">{Html.Encode(column.Label)}</th>");
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var run = ranked[rank];
            writer.Write($"<tr><td class=\"num\" data-value=\"{rank + 1}\">{rank + 1}</td>");
            foreach (var range in result.Ranges)
            {
                var value = HeatmapGrid.ParameterValue(run.Parameters, range.Name);
                writer.Write($"<td class=\"num\" data-value=\"{Html.Number(value)}\">{Html.Encode(Html.Number(value))}</td>");
            }

            Cell(writer, run.Score, StatisticDefinitions.Number(run.Score));
            foreach (var column in columns)
            {
                Cell(writer, StatisticKeys.Get(column.Key)(run.Statistics), column.Format(run.Statistics));
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody>\n</table>\n</section>\n");
    }

    private static void Cell(TextWriter writer, double value, string text) =>
        writer.Write($"<td class=\"num\" data-value=\"{Html.Number(value)}\">{Html.Encode(text)}</td>");
}

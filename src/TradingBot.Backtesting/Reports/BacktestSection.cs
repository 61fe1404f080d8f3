using System.Globalization;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// One backtest inside a report page: chart (candles, indicator lines, trade and event markers, equity, drawdown),
/// the statistics table with every definition, the run settings (deviations from the reference mode highlighted),
/// warnings and events, and the trade list. Tables are plain HTML; the chart and the paged trade list are drawn by
/// the page script from the section's JSON data island.
/// </summary>
internal static class BacktestSection
{
    public static void Write(TextWriter writer, BacktestResult result, IReadOnlyList<ReportEvent> events, string id, string heading,
        int maxChartPoints)
    {
        var buckets = ChartBuckets.Create(result.Candles, maxChartPoints);
        var s = result.Statistics;
        writer.Write($"<section class=\"backtest\" data-backtest id=\"{Html.Encode(id)}\">\n<h2>{Html.Encode(heading)}</h2>\n");
        writer.Write($"<p class=\"lead\">{Html.Encode(result.Strategy)} ({Html.Encode(Parameters(result))}) on {result.Candles.Count.ToString("N0", CultureInfo.InvariantCulture)} bars, ");
        writer.Write($"{Html.Encode(Html.Time(s.Start))} to {Html.Encode(Html.Time(s.End))}. {s.Trades.ToString(CultureInfo.InvariantCulture)} trades, return ");
        writer.Write($"{Html.Encode(StatisticDefinitions.Number(s.ReturnPct))} %.</p>\n");

        writer.Write("<div class=\"chart-wrap\"><div class=\"chart\" data-chart role=\"img\" aria-label=\"Price with trades, equity and drawdown\"></div>");
        writer.Write("<div class=\"tooltip\" data-tooltip></div></div>\n<div class=\"legend\" data-legend></div>\n");
        writer.Write("<p class=\"note\">Panes: price (candles, indicator lines; ▲/▼ entries long/short at the fill price, ● exits, green = win, red = loss, ■ events), ");
        writer.Write("equity, drawdown %. Hover a bar or marker for details. Times are UTC.");
        if (buckets.IsDownsampled)
        {
            writer.Write($" <strong>Downsampled for drawing:</strong> {buckets.Bars.ToString("N0", CultureInfo.InvariantCulture)} bars are drawn as ");
            writer.Write($"{buckets.Count.ToString("N0", CultureInfo.InvariantCulture)} OHLC candles of up to {buckets.BarsPerBucket.ToString("N0", CultureInfo.InvariantCulture)} bars ");
            writer.Write("(open of the first bar, highest high, lowest low, close of the last); equity and indicators show each candle's last value, drawdown its deepest. ");
            writer.Write("Markers sit on the candle that contains their bar; trade prices, times and every statistic use all bars.");
        }

        writer.Write("</p>\n");
        WriteStatistics(writer, s);
        WriteSettings(writer, result);
        WriteRiskSummary(writer, result);
        WriteEvents(writer, events);
        writer.Write($"<h3>Trades ({s.Trades.ToString(CultureInfo.InvariantCulture)})</h3>\n<div data-trades><p class=\"note\">The trade list is drawn by the page script.</p></div>\n");
        writer.Write("<script type=\"application/json\" data-report-data>");
        writer.Write(ReportData.ToJson(result, buckets, events));
        writer.Write("</script>\n</section>\n");
    }

    private static string Parameters(BacktestResult result) => result.Parameters.Length == 0 ? "default parameters" : result.Parameters;

    private static void WriteStatistics(TextWriter writer, BacktestStatistics s)
    {
        writer.Write("<h3>Statistics</h3>\n<table class=\"stats\">\n<thead><tr><th>Statistic</th><th class=\"num\">Value</th><th>Definition</th></tr></thead>\n<tbody>\n");
        foreach (var definition in StatisticDefinitions.All)
        {
            writer.Write($"<tr data-key=\"{Html.Encode(definition.Key)}\"><td>{Html.Encode(definition.Label)}</td>");
            writer.Write($"<td class=\"num\">{Html.Encode(definition.Format(s))}</td><td class=\"definition\">{Html.Encode(definition.Definition)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
        writer.Write($"<p class=\"note\">Annualisation: N = {s.AnnualizationFactor.ToString(CultureInfo.InvariantCulture)} periods per year. ");
        writer.Write("Percent statistics are in percent; NaN means the statistic is not defined for this run.</p>\n");
        if (s.VolatilityNote is { } note)
        {
            writer.Write($"<p class=\"note warning\">{Html.Encode(note)}</p>\n");
        }
    }

    private static void WriteSettings(TextWriter writer, BacktestResult result)
    {
        var o = result.Options;
        var reference = new BacktestOptions();
        writer.Write("<h3>Run settings</h3>\n<table class=\"settings\">\n<thead><tr><th>Setting</th><th>Value</th><th>Reference mode</th></tr></thead>\n<tbody>\n");
        Row(writer, "Strategy", result.Strategy, null);
        Row(writer, "Parameters", Parameters(result), null);
        Row(writer, "Bars", result.Candles.Count.ToString(CultureInfo.InvariantCulture), null);
        Row(writer, "Warm-up bars", result.WarmupBars.ToString(CultureInfo.InvariantCulture), null);
        Row(writer, "Cash", Html.Decimal(o.Cash), Html.Decimal(reference.Cash));
        Row(writer, "Commission (relative, entry and exit)", Html.Decimal(o.Commission), Html.Decimal(reference.Commission));
        Row(writer, "Fixed commission per fill", Html.Decimal(o.FixedCommission), Html.Decimal(reference.FixedCommission));
        Row(writer, "Spread (entries)", Html.Decimal(o.Spread), Html.Decimal(reference.Spread));
        Row(writer, "Fill market orders at the signal bar's close", YesNo(o.TradeOnClose), YesNo(reference.TradeOnClose));
        Row(writer, "Close open trades at the end", YesNo(o.FinalizeTrades), YesNo(reference.FinalizeTrades));
        Row(writer, "Quantity step", Html.Decimal(o.QuantityStep), Html.Decimal(reference.QuantityStep));
        Row(writer, "Risk-free rate (annual)", Html.Number(o.RiskFreeRate), Html.Number(reference.RiskFreeRate));
        Row(writer, "Risk rules (docs/risk.md)", o.Risk is null ? "none" : "on", "none");
        writer.Write("</tbody>\n</table>\n<p class=\"note\">Highlighted rows differ from the reference mode (docs/backtesting.md defaults).</p>\n");
    }

    private static void Row(TextWriter writer, string name, string value, string? reference)
    {
        var deviates = reference is not null && reference != value;
        writer.Write(deviates ? "<tr class=\"deviation\">" : "<tr>");
        writer.Write($"<td>{Html.Encode(name)}</td><td>{Html.Encode(value)}</td><td>{Html.Encode(reference ?? string.Empty)}</td></tr>\n");
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Risk mode only: how many orders each rule refused, and the halts and resumes on the timeline.</summary>
    private static void WriteRiskSummary(TextWriter writer, BacktestResult result)
    {
        if (result.Options.Risk is null)
        {
            return;
        }

        writer.Write($"<h3>Risk: rejections by reason ({result.Rejections.Count.ToString(CultureInfo.InvariantCulture)})</h3>\n");
        if (result.Rejections.Count == 0)
        {
            writer.Write("<p class=\"note\">No order was rejected by the risk rules.</p>\n");
        }
        else
        {
            writer.Write("<table class=\"rejections\">\n<thead><tr><th>Reason code</th><th class=\"num\">Rejections</th><th>Example</th></tr></thead>\n<tbody>\n");
            foreach (var group in result.Rejections.GroupBy(r => r.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.Write($"<tr><td>{Html.Encode(group.Key)}</td><td class=\"num\">{group.Count().ToString(CultureInfo.InvariantCulture)}</td>");
                writer.Write($"<td>{Html.Encode(group.First().Message)}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table>\n");
        }

        var halts = result.Halts.Count(h => h.Halted);
        writer.Write($"<p class=\"note\">Trading halts: {halts.ToString(CultureInfo.InvariantCulture)}; ");
        writer.Write("each halt and resume is listed below with its bar and marked on the price chart.</p>\n");
    }

    private static void WriteEvents(TextWriter writer, IReadOnlyList<ReportEvent> events)
    {
        writer.Write($"<h3>Warnings and events ({events.Count.ToString(CultureInfo.InvariantCulture)})</h3>\n");
        if (events.Count == 0)
        {
            writer.Write("<p class=\"note\">None: no order was cancelled or adjusted.</p>\n");
            return;
        }

        writer.Write("<table class=\"events\">\n<thead><tr><th class=\"num\">Bar</th><th>Kind</th><th>Text</th></tr></thead>\n<tbody>\n");
        foreach (var e in events)
        {
            var bar = e.Bar is { } b ? b.ToString(CultureInfo.InvariantCulture) : string.Empty;
            writer.Write($"<tr><td class=\"num\">{bar}</td><td>{Html.Encode(e.Kind)}</td><td>{Html.Encode(e.Text)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
    }
}

using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The self-contained HTML report of one backtest: candlesticks with trade entry/exit markers and the strategy's
/// indicator lines (when the run recorded plots), equity and drawdown, the statistics with their definitions, run
/// settings, warnings and events, and the trade list. One file, no network requests (enforced by the page's
/// Content-Security-Policy); the chart library is embedded with its license notice. Runs longer than
/// <see cref="ChartBuckets.DefaultMaxPoints"/> bars are drawn OHLC-aggregated, and the page says so.
/// </summary>
public static class HtmlReport
{
    public static void Write(TextWriter writer, BacktestResult result) => Write(writer, result, ChartBuckets.DefaultMaxPoints);

    internal static void Write(TextWriter writer, BacktestResult result, int maxChartPoints)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var title = $"Backtest: {result.Strategy}" + (result.Parameters.Length > 0 ? $" ({result.Parameters})" : string.Empty);
        ReportPage.WriteStart(writer, title);
        writer.Write($"<header><h1>{Html.Encode(title)}</h1></header>\n");
        BacktestSection.Write(writer, result, ReportEvents.From(result), "backtest", "Backtest", maxChartPoints);
        ReportPage.WriteEnd(writer);
    }
}

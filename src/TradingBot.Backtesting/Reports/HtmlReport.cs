using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Reports;

/// <summary>Self-contained HTML report (placeholder until the report lands: writes the statistics only).</summary>
public static class HtmlReport
{
    public static void Write(TextWriter writer, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.Write("<!doctype html><title>report</title><pre>");
        writer.Write(System.Net.WebUtility.HtmlEncode(BacktestJson.ToJson(result)));
        writer.Write("</pre>");
    }
}

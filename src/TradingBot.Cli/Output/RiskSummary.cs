using Spectre.Console;
using TradingBot.Backtesting.Engine;

namespace TradingBot.Cli.Output;

/// <summary>Risk mode: after the statistics, the rejections by reason code and the halts of the run.</summary>
internal static class RiskSummary
{
    public static void Print(IAnsiConsole console, BacktestResult result)
    {
        if (result.Options.Risk is null)
        {
            return;
        }

        var halts = result.Halts.Count(h => h.Halted);
        var resumes = result.Halts.Count - halts;
        if (result.Rejections.Count == 0)
        {
            console.MarkupLineInterpolated($"Risk: no order rejected; {halts} halt(s), {resumes} resume(s).");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Risk rejections[/]");
        table.AddColumn("Reason");
        table.AddColumn(new TableColumn("Orders").RightAligned());
        foreach (var group in result.Rejections.GroupBy(r => r.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Risk: {result.Rejections.Count} order(s) rejected; {halts} halt(s), {resumes} resume(s). Details in --json.");
    }
}

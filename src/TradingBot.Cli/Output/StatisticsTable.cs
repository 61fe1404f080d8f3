using Spectre.Console;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Cli.Output;

/// <summary>Prints a result's statistics as a two-column table, in the reference tool's order and labels.</summary>
internal static class StatisticsTable
{
    public static void Print(IAnsiConsole console, BacktestResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(result.Strategy)}[/] {Markup.Escape(result.Parameters)}");
        table.AddColumn("Statistic");
        table.AddColumn(new TableColumn("Value").RightAligned());
        foreach (var definition in StatisticDefinitions.All)
        {
            table.AddRow(Markup.Escape(definition.Label), Markup.Escape(definition.Format(result.Statistics)));
        }

        console.Write(table);
        if (result.Statistics.VolatilityNote is { } note)
        {
            console.MarkupLineInterpolated($"[yellow]Note:[/] {note}");
        }

        if (result.Warnings.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{result.Warnings.Count} order(s) were cancelled or adjusted; see the JSON or report for details.[/]");
        }
    }
}

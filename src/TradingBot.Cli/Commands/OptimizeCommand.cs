using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Reports;
using TradingBot.Backtesting.Statistics;
using TradingBot.Cli.Output;

namespace TradingBot.Cli.Commands;

/// <summary><c>tradingbot optimize</c>: grid search over parameter ranges on all cores, maximising one statistic.</summary>
internal static class OptimizeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var settings = new OptimizationSettings();
        var top = new Option<int>("--top") { Description = "How many of the best runs to list", DefaultValueFactory = _ => 10 };
        var command = new Command("optimize", "Grid-search strategy parameters, e.g. --param fast=5..45:5 --param slow=10..100:10 --maximize sqn");
        settings.AddTo(command);
        command.Options.Add(top);
        command.SetAction((parse, ct) =>
        {
            var options = settings.Backtest.ResolveOptions(parse);
            var request = settings.Resolve(parse, options);
            var candles = settings.Backtest.LoadCandles(parse);
            var (points, excluded) = GridSearch.Expand(request);
            console.MarkupLineInterpolated($"Optimising [bold]{request.Strategy.Name}[/]: {points.Count} combinations ({excluded} excluded by the constraint), maximising [bold]{request.Maximize}[/].");

            OptimizationResult? result = null;
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("Backtesting", maxValue: points.Count);
                var progress = new Progress<int>(done => task.Value = done);
                result = GridSearch.Run(candles, request, progress, ct);
                task.Value = points.Count;
            });

            PrintTop(console, result!, parse.GetValue(top));
            StatisticsTable.Print(console, result!.BestResult);
            ResultFiles.WriteJson(console, parse.GetValue(settings.Backtest.Json), writer => OptimizationJson.Write(writer, result));
            ResultFiles.WriteReport(console, parse.GetValue(settings.Backtest.Report), writer => HeatmapReport.Write(writer, result));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void PrintTop(IAnsiConsole console, OptimizationResult result, int count)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Top {Math.Min(count, result.Runs.Count)} by {result.Maximize}");
        table.AddColumn("#");
        table.AddColumn("Parameters");
        table.AddColumn(new TableColumn(Markup.Escape(result.Maximize)).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape("Return [%]")).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape("Max DD [%]")).RightAligned());
        table.AddColumn(new TableColumn("# Trades").RightAligned());
        var ranked = result.Runs
            .Select((run, index) => (run, index))
            .OrderByDescending(x => double.IsNaN(x.run.Score) ? double.NegativeInfinity : x.run.Score)
            .ThenBy(x => x.index)
            .Take(Math.Max(count, 1));
        var rank = 1;
        foreach (var (run, _) in ranked)
        {
            table.AddRow(
                (rank++).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(run.Parameters.ToString()),
                StatisticDefinitions.Number(run.Score),
                StatisticDefinitions.Number(run.Statistics.ReturnPct),
                StatisticDefinitions.Number(run.Statistics.MaxDrawdownPct),
                run.Statistics.Trades.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}

using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradingBot.Backtesting.Optimization;
using TradingBot.Backtesting.Reports;
using TradingBot.Backtesting.Statistics;
using TradingBot.Cli.Output;

namespace TradingBot.Cli.Commands;

/// <summary><c>tradingbot walk-forward</c>: rolling in-sample optimisation, out-of-sample test, stitched result.</summary>
internal static class WalkForwardCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var settings = new OptimizationSettings();
        var inSample = new Option<int>("--in-sample") { Description = "In-sample bars per window", Required = true };
        var outOfSample = new Option<int>("--out-of-sample") { Description = "Out-of-sample bars per window (also the step)", Required = true };
        var anchored = new Option<bool>("--anchored") { Description = "Expanding in-sample windows from the first bar" };
        var command = new Command("walk-forward", "Walk-forward analysis: optimise in-sample, trade the next out-of-sample window, repeat, stitch");
        settings.AddTo(command);
        command.Options.Add(inSample);
        command.Options.Add(outOfSample);
        command.Options.Add(anchored);
        command.SetAction((parse, ct) =>
        {
            var options = settings.Backtest.ResolveOptions(parse);
            var grid = settings.Resolve(parse, options);
            var candles = settings.Backtest.LoadCandles(parse);
            var request = new WalkForward.Request(grid, parse.GetValue(inSample), parse.GetValue(outOfSample)) { Anchored = parse.GetValue(anchored) };
            if (request.InSampleBars < 2 || request.OutOfSampleBars < 2)
            {
                throw new UsageException("--in-sample and --out-of-sample need at least 2 bars each.");
            }

            if (request.InSampleBars + request.OutOfSampleBars > candles.Length)
            {
                throw new UsageException(
                    $"--in-sample {request.InSampleBars} + --out-of-sample {request.OutOfSampleBars} exceed the {candles.Length} bars in the data.");
            }

            WalkForwardResult? result = null;
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("Walk-forward windows", maxValue: 1);
                var progress = new Progress<(int Window, int Windows)>(p =>
                {
                    task.MaxValue = p.Windows;
                    task.Value = p.Window;
                });
                result = WalkForward.Run(candles, request, progress, ct);
                task.Value = task.MaxValue;
            });

            PrintWindows(console, result!);
            StatisticsTable.Print(console, result!.Stitched);
            ResultFiles.WriteJson(console, parse.GetValue(settings.Backtest.Json), writer => OptimizationJson.Write(writer, result));
            ResultFiles.WriteReport(console, parse.GetValue(settings.Backtest.Report), writer => HtmlReport.Write(writer, result.Stitched));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void PrintWindows(IAnsiConsole console, WalkForwardResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Walk-forward windows (out-of-sample results)");
        table.AddColumn("#");
        table.AddColumn("Out-of-sample");
        table.AddColumn("Chosen parameters");
        table.AddColumn(new TableColumn(Markup.Escape($"IS {result.Maximize}")).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape("OOS Return [%]")).RightAligned());
        table.AddColumn(new TableColumn("OOS # Trades").RightAligned());
        var n = 1;
        foreach (var w in result.Windows)
        {
            table.AddRow(
                (n++).ToString(CultureInfo.InvariantCulture),
                Markup.Escape($"{StatisticDefinitions.Time(w.OutOfSample.Start)} .. {StatisticDefinitions.Time(w.OutOfSample.End)}"),
                Markup.Escape(w.Parameters.ToString()),
                StatisticDefinitions.Number(w.InSampleScore),
                StatisticDefinitions.Number(w.OutOfSample.ReturnPct),
                w.OutOfSample.Trades.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}

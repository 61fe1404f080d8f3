using System.CommandLine;
using Spectre.Console;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Cli.Output;
using TradingBot.Core.Strategies;

namespace TradingBot.Cli.Commands;

/// <summary>
/// <c>tradingbot demo</c>: generates a seeded market, backtests the SMA crossover on it and writes the JSON result and
/// the HTML report. Needs no data, keys or network.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo files", DefaultValueFactory = _ => "demo-output" };
        var bars = new Option<int>("--bars") { Description = "Number of 1-hour bars to simulate", DefaultValueFactory = _ => 5_000 };
        var command = new Command("demo", "Backtest the SMA crossover on a generated market and write a report") { output, bars };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(bars);
            if (count is < 100 or > 5_000_000)
            {
                throw new UsageException($"--bars must be between 100 and 5,000,000, got {count}.");
            }

            var folder = parse.GetValue(output)!;
            var candles = new GeometricBrownianMotion(seed: 7, annualVolatility: 0.6)
                .Generate(count, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)).ToArray();
            var dataPath = Path.Combine(folder, "demo-market.csv");
            using (var stream = OutputFile.Create(dataPath, "--out"))
            using (var writer = new StreamWriter(stream))
            {
                CsvCandleWriter.Write(writer, candles);
            }

            var definition = SmaCrossStrategy.Definition;
            var parameters = definition.Parameterize([new("fast", 12), new("slow", 48)]);
            var options = new BacktestOptions { Commission = 0.001m, QuantityStep = 0.0001m };
            var result = Backtest.Run(candles, definition.Create(parameters), options, recordPlots: true, parameters: parameters.ToString());
            console.MarkupLineInterpolated($"Simulated [green]{count:N0}[/] hourly bars → {dataPath}");
            StatisticsTable.Print(console, result);
            BacktestCommand.WriteOutputs(console, result, Path.Combine(folder, "demo-result.json"), Path.Combine(folder, "demo-report.html"));
            console.MarkupLine("Next: [blue]tradingbot backtest --data <csv> --strategy sma-cross --param fast=10 --param slow=30 --report report.html[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using Spectre.Console;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Cli.Output;

namespace TradingBot.Cli.Commands;

/// <summary><c>tradingbot backtest</c>: one run, a statistics table, optional JSON and HTML report.</summary>
internal static class BacktestCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var settings = new BacktestSettings();
        var command = new Command("backtest", "Backtest a strategy on a candle CSV file");
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var definition = settings.ResolveStrategy(parse);
            var parameters = BacktestSettings.Parameterize(definition, BacktestSettings.ParseFixedParams(parse.GetValue(settings.Params)!));
            var strategy = BacktestSettings.CreateStrategy(definition, parameters);
            var options = settings.ResolveOptions(parse);
            var candles = settings.LoadCandles(parse);
            var reportPath = parse.GetValue(settings.Report);

            var result = Backtest.Run(candles, strategy, options, recordPlots: reportPath is not null, parameters: parameters.ToString());
            StatisticsTable.Print(console, result);
            RiskSummary.Print(console, result);
            WriteOutputs(console, result, parse.GetValue(settings.Json), reportPath);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void WriteOutputs(IAnsiConsole console, BacktestResult result, string? jsonPath, string? reportPath)
    {
        ResultFiles.WriteJson(console, jsonPath, writer => BacktestJson.Write(writer, result));
        ResultFiles.WriteReport(console, reportPath, writer => HtmlReport.Write(writer, result));
    }
}

using Spectre.Console;
using TradingBot.Cli;

return await CliApp.RunAsync(args, AnsiConsole.Console);

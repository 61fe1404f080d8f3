using Spectre.Console.Testing;

namespace TradingBot.Cli.Tests;

/// <summary>Runs <c>tradingbot</c> in-process against a wide test console and captures what it printed.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var console = new TestConsole().Width(1_000);
        var exitCode = await CliApp.RunAsync(args, console);
        return new CliResult(exitCode, console.Output);
    }
}

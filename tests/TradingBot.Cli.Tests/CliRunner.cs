using Spectre.Console;

namespace TradingBot.Cli.Tests;

/// <summary>Runs the CLI in-process with a plain, wide console and returns the exit code and everything printed.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var code = await CliApp.RunAsync(args, console);
        return (code, writer.ToString());
    }
}

using System.CommandLine;
using Spectre.Console;
using TradingBot.Cli.Commands;

namespace TradingBot.Cli;

/// <summary>Builds the <c>tradingbot</c> command tree and maps outcomes to exit codes (0 ok, 2 bad input, 1 internal error).</summary>
public static class CliApp
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("TradingBot: backtest, optimise and operate the serverless crypto trading bot.");
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(OptimizeCommand.Create(console));
        root.Subcommands.Add(WalkForwardCommand.Create(console));
        root.Subcommands.Add(DataCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(VenueCommand.Create(console));
        root.Subcommands.Add(SecretsCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        return await InvokeAsync(Build(console), args, console, ct);
    }

    /// <summary>Parses and runs <paramref name="args"/> against <paramref name="root"/>, mapping outcomes to exit codes.</summary>
    internal static async Task<int> InvokeAsync(RootCommand root, string[] args, IAnsiConsole console, CancellationToken ct = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            console.MarkupLine("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
        }
        catch (UsageException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]cancelled[/]");
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The process boundary: any other failure is reported as an internal error (exit 1).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.MarkupLineInterpolated($"[red]internal error:[/] {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}

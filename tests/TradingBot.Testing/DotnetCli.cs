using System.Diagnostics;

namespace TradingBot.Testing;

/// <summary>The <c>dotnet</c> command, run in the repository root.</summary>
public static class DotnetCli
{
    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> as a clean shell would: an exported PublishAot or
    /// SelfContained is an operator's choice, not the project's default.
    /// </summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("SelfContained");
        info.Environment.Remove("PublishAot");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

using System.Diagnostics;
using System.Reflection;

namespace TradingBot.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, referenced with ExcludeAssets="all"); the
/// build passes its path as assembly metadata. Runs offline: its one DNS lookup may fail without effect.
/// </summary>
internal static class BicepCli
{
    public static string Path { get; } = Locate();

    public static BicepRun Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TradingBot.Testing.RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {Path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepPath")?.Value
            ?? throw new InvalidOperationException("The build did not record BicepPath (see TradingBot.Infra.Tests.csproj).");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bicep CLI not found at {path}: restore tests/TradingBot.Infra.Tests (dotnet restore).", path);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The referenced Bicep CLI package is the linux-x64 build.");
        }

        // The package ships the binary as rwxr--r--: executable only by the user who restored it.
        const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & executable) != executable)
        {
            try
            {
                File.SetUnixFileMode(path, mode | executable);
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's cache: run it if we may, else the process start reports why.
            }
        }

        return path;
    }
}

using System.Diagnostics;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Conventions;

/// <summary>The build and the publish output are each a valid Functions app root: host.json, &lt;Name&gt;/function.json, the handler dll.</summary>
public sealed class AppLayoutTests
{
    private static readonly string[] Functions =
        [.. Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src", "TradingBot.Functions", "Functions")).Select(Path.GetFileName)!];

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static void AssertAppRoot(string root)
    {
        Assert.True(File.Exists(Path.Combine(root, "host.json")), $"{root}: host.json missing");
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), File.ReadAllText(Path.Combine(root, "host.json")));
        Assert.True(File.Exists(Path.Combine(root, "TradingBot.Functions.dll")), $"{root}: handler dll missing");
        Assert.True(File.Exists(Path.Combine(root, "TradingBot.Functions.runtimeconfig.json")), $"{root}: runtimeconfig missing");
        Assert.False(Directory.Exists(Path.Combine(root, "Functions")), $"{root}: function.json files must be flattened to <Name>/function.json");
        foreach (var name in Functions)
        {
            var manifest = Path.Combine(root, name, "function.json");
            Assert.True(File.Exists(manifest), $"{root}: {name}/function.json missing");
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "TradingBot.Functions", "Functions", name, "function.json")),
                File.ReadAllText(manifest));
        }

        Assert.False(File.Exists(Path.Combine(root, "local.settings.json")), "local settings must never be deployed");
    }

    [Fact]
    public void BuildOutput_IsAFunctionsAppRoot() =>
        AssertAppRoot(Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "TradingBot.Functions", Configuration.ToLowerInvariant()));

    [Fact]
    public async Task PublishOutput_IsAFunctionsAppRoot()
    {
        var output = Path.Combine(Path.GetTempPath(), "tradingbot-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root,
            };
            foreach (var argument in new[] { "publish", Path.Combine("src", "TradingBot.Functions", "TradingBot.Functions.csproj"), "--no-build", "-c", Configuration, "-o", output, "-nologo" })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await stdout}{await stderr}");
            AssertAppRoot(output);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

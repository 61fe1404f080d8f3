using System.Diagnostics;
using System.Text.Json;
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

    /// <summary>
    /// What a publish deploys (issue 6, docs/performance.md): self-contained with one composite ReadyToRun image for
    /// x86-64-v3, built in its own intermediate folder (a framework-dependent publish afterwards must not pick up the
    /// composite's rewritten assemblies); SelfContained=false gives the framework-dependent ReadyToRun build.
    /// </summary>
    [Fact]
    public async Task Publish_IsSelfContainedComposite_UnlessFrameworkDependentIsAsked()
    {
        var deployed = await PublishPropertiesAsync();
        Assert.Equal("linux-x64", deployed["RuntimeIdentifier"]);
        Assert.Equal("true", deployed["SelfContained"]);
        Assert.Equal("true", deployed["PublishReadyToRun"]);
        Assert.Equal("true", deployed["PublishReadyToRunComposite"]);
        Assert.Equal("--instruction-set:x86-64-v3", deployed["PublishReadyToRunCrossgen2ExtraArgs"]);
        Assert.Equal("release_linux-x64_composite", deployed["ArtifactsPivots"]);

        var frameworkDependent = await PublishPropertiesAsync("-p:SelfContained=false");
        Assert.Equal("linux-x64", frameworkDependent["RuntimeIdentifier"]);
        Assert.Equal("false", frameworkDependent["SelfContained"]);
        Assert.Equal("true", frameworkDependent["PublishReadyToRun"]);
        Assert.NotEqual("true", frameworkDependent["PublishReadyToRunComposite"]);
        Assert.Equal("release_linux-x64", frameworkDependent["ArtifactsPivots"]);
    }

    /// <summary>The handler project's properties as a Release publish evaluates them (evaluation only: nothing is built).</summary>
    private static async Task<Dictionary<string, string>> PublishPropertiesAsync(params string[] extra)
    {
        string[] names = ["RuntimeIdentifier", "SelfContained", "PublishReadyToRun", "PublishReadyToRunComposite", "PublishReadyToRunCrossgen2ExtraArgs", "ArtifactsPivots"];
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "msbuild", Path.Combine("src", "TradingBot.Functions", "TradingBot.Functions.csproj"), "-nologo", "-p:Configuration=Release", "-p:_IsPublishing=true" }
                     .Concat(extra).Concat(names.Select(n => "-getProperty:" + n)))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("SelfContained"); // an operator's choice in this shell is not the project's default
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed: {await stdout}{await stderr}");

        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}

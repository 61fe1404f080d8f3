using System.Text.Json;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Conventions;

/// <summary>The build and the publish output are each a valid Functions app root: host.json, &lt;Name&gt;/function.json, the handler dll.</summary>
public sealed class AppLayoutTests
{
    private static readonly string Project = Path.Combine("src", "TradingBot.Functions", "TradingBot.Functions.csproj");

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
        Assert.True(File.Exists(Path.Combine(root, "TradingBot.Functions")), $"{root}: the handler executable host.json starts is missing");
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
        using var output = new TemporaryFolder();
        var (code, stdout, stderr) = await DotnetCli.RunAsync("publish", Project, "--no-build", "-c", Configuration, "-o", output.Path, "-nologo");

        Assert.True(code == 0, $"dotnet publish failed: {stdout}{stderr}");
        AssertAppRoot(output.Path);
    }

    /// <summary>
    /// What a publish deploys (issue 6, docs/performance.md): a Native AOT executable for linux-x64; PublishAot=false
    /// gives the self-contained build with one composite ReadyToRun image for x86-64-v3, in its own intermediate folder
    /// (another publish afterwards must not pick up the composite's rewritten assemblies). The published executable
    /// itself is run through the whole pipeline by the DevHost's tests (NativeHandlerEndToEndTests).
    /// </summary>
    [Fact]
    public async Task Publish_IsNativeAot_UnlessPublishAotIsTurnedOff()
    {
        var deployed = await PublishPropertiesAsync();
        Assert.Equal("linux-x64", deployed["RuntimeIdentifier"]);
        Assert.Equal("true", deployed["PublishAot"]);
        Assert.Equal("true", deployed["SelfContained"]);
        Assert.NotEqual("true", deployed["PublishReadyToRun"]);
        Assert.Equal("release_linux-x64", deployed["ArtifactsPivots"]);

        var composite = await PublishPropertiesAsync("-p:PublishAot=false");
        Assert.Equal("linux-x64", composite["RuntimeIdentifier"]);
        Assert.Equal("true", composite["SelfContained"]);
        Assert.Equal("true", composite["PublishReadyToRun"]);
        Assert.Equal("true", composite["PublishReadyToRunComposite"]);
        Assert.Equal("--instruction-set:x86-64-v3", composite["PublishReadyToRunCrossgen2ExtraArgs"]);
        Assert.Equal("release_linux-x64_composite", composite["ArtifactsPivots"]);
    }

    /// <summary>The handler project's properties as a Release publish evaluates them (evaluation only: nothing is built).</summary>
    private static async Task<Dictionary<string, string>> PublishPropertiesAsync(params string[] extra)
    {
        string[] names = ["RuntimeIdentifier", "PublishAot", "SelfContained", "PublishReadyToRun", "PublishReadyToRunComposite", "PublishReadyToRunCrossgen2ExtraArgs", "ArtifactsPivots"];
        var (code, stdout, stderr) = await DotnetCli.RunAsync(
            [.. new[] { "msbuild", Project, "-nologo", "-p:Configuration=Release", "-p:_IsPublishing=true" }, .. extra, .. names.Select(n => "-getProperty:" + n)]);
        Assert.True(code == 0, $"dotnet msbuild failed: {stdout}{stderr}");

        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}

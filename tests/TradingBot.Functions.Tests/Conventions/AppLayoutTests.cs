using System.Diagnostics;
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
        var (code, stdout, stderr) = await DotnetAsync("publish", Project, "--no-build", "-c", Configuration, "-o", output.Path, "-nologo");

        Assert.True(code == 0, $"dotnet publish failed: {stdout}{stderr}");
        AssertAppRoot(output.Path);
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
        var (code, stdout, stderr) = await DotnetAsync(
            [.. new[] { "msbuild", Project, "-nologo", "-p:Configuration=Release", "-p:_IsPublishing=true" }, .. extra, .. names.Select(n => "-getProperty:" + n)]);
        Assert.True(code == 0, $"dotnet msbuild failed: {stdout}{stderr}");

        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// The package as deployed (a Release publish: self-contained, composite ReadyToRun) starts the way the Functions host
    /// starts it, <c>dotnet TradingBot.Functions.dll</c> in the app root, and answers. A composite build whose image is
    /// missing aborts at start, so this publishes for real (~2 minutes on two cores).
    /// </summary>
    [Fact]
    public async Task DeployedPublish_StartsAsTheHostStartsItAndAnswers()
    {
        using var output = new TemporaryFolder();
        var published = await DotnetAsync("publish", Project, "-c", "Release", "-o", output.Path, "-nologo");
        Assert.True(published.Code == 0, $"dotnet publish failed: {published.Stdout}{published.Stderr}");
        AssertAppRoot(output.Path);
        Assert.True(File.Exists(output.File("TradingBot.Functions.r2r.dll")), "the composite image is missing");
        Assert.Contains("includedFrameworks", File.ReadAllText(output.File("TradingBot.Functions.runtimeconfig.json")), StringComparison.Ordinal);

        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = output.Path };
        foreach (var argument in new[] { "TradingBot.Functions.dll", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["TableConnection"] = "UseDevelopmentStorage=true"; // startup never calls storage
        using var handler = Process.Start(info)!;
        var stdout = handler.StandardOutput.ReadToEndAsync();
        var stderr = handler.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            HttpResponseMessage? health = null;
            while (health is null && !handler.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50); // not listening yet
                }
            }

            Assert.True(health is not null, $"the published handler did not answer (exited: {handler.HasExited})");
            Assert.Equal(System.Net.HttpStatusCode.OK, health!.StatusCode);
            Assert.Contains("\"status\":\"ok\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!handler.HasExited)
            {
                handler.Kill(entireProcessTree: true);
            }

            await handler.WaitForExitAsync();
            _ = await stdout + await stderr;
        }
    }

    /// <summary>Runs <c>dotnet</c> in the repository root (as a clean shell would: an exported SelfContained is an operator's choice, not the project's default).</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> DotnetAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("SelfContained");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

using TradingBot.DevHost.Bench;
using TradingBot.DevHost.Tests.Hosting;

namespace TradingBot.DevHost.Tests.Bench;

/// <summary>The benchmark names the build whose cold start it measured (a Debug or IL-only build is not what is deployed).</summary>
public sealed class HandlerBuildTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void Describe_TheBuiltHandler_IsThisConfigurationWithoutReadyToRun()
    {
        var app = ConfigurationTestsPaths.AppFolder;

        var path = HandlerBuild.AssemblyPath(app, "dotnet", ["TradingBot.Functions.dll", "--urls", "http://127.0.0.1:1"]);

        Assert.Equal(Path.Combine(app, "TradingBot.Functions.dll"), path);
        Assert.Equal(Configuration + ", IL only", HandlerBuild.Describe(path));
    }

    [Fact]
    public void Describe_AFrameworkAssembly_IsReleaseReadyToRun() =>
        Assert.Equal("Release, ReadyToRun", HandlerBuild.Describe(typeof(object).Assembly.Location));

    [Fact]
    public void Describe_AMissingFileOrANativeExecutable_SaysSo()
    {
        Assert.Equal("not found", HandlerBuild.Describe(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".dll")));
        Assert.Equal("native", HandlerBuild.Describe(Environment.ProcessPath!));
    }
}

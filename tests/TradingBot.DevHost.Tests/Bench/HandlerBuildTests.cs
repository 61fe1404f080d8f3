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
    public void Describe_TheBuiltHandler_StartedThroughItsApphost_IsThisConfigurationWithoutReadyToRun()
    {
        var app = ConfigurationTestsPaths.AppFolder;

        var path = HandlerBuild.AssemblyPath(app, "TradingBot.Functions", ["--urls", "http://127.0.0.1:1"]);

        Assert.Equal(Path.Combine(app, "TradingBot.Functions.dll"), path);
        Assert.Equal(Configuration + ", IL only", HandlerBuild.Describe(path));
    }

    [Fact]
    public void AssemblyPath_ADllOnTheCommandLine_IsTheAssembly_AnExecutableWithoutOne_IsItself()
    {
        var app = ConfigurationTestsPaths.AppFolder;

        Assert.Equal(Path.Combine(app, "TradingBot.Functions.dll"), HandlerBuild.AssemblyPath(app, "dotnet", ["TradingBot.Functions.dll", "--urls", "x"]));
        Assert.Equal(Path.Combine(app, "handler"), HandlerBuild.AssemblyPath(app, "handler", ["--urls", "x"]));
    }

    [Fact]
    public void Describe_AnExecutableWithManagedCodeCompiledIn_IsNativeAot()
    {
        using var folder = new TradingBot.Testing.TemporaryFolder();
        var executable = folder.File("TradingBot.Functions");
        File.WriteAllBytes(executable, [0x7F, (byte)'E', (byte)'L', (byte)'F', .. new byte[60], .. "__managedcode\0"u8, .. new byte[16]]);

        Assert.Equal("Native AOT", HandlerBuild.Describe(executable));
    }

    [Fact]
    public void Describe_AFrameworkAssembly_IsReleaseReadyToRun() =>
        Assert.Equal("Release, ReadyToRun", HandlerBuild.Describe(typeof(object).Assembly.Location));

    [Fact]
    public void Describe_AComponentOfACompositeImage_SaysComposite()
    {
        using var folder = new TradingBot.Testing.TemporaryFolder();
        var copy = Path.Combine(folder.Path, "System.Private.CoreLib.dll");
        File.Copy(typeof(object).Assembly.Location, copy);
        SetReadyToRunFlags(copy, 0x20); // READYTORUN_FLAG_COMPONENT, as crossgen's composite build writes it

        Assert.Equal("Release, composite ReadyToRun", HandlerBuild.Describe(copy));
    }

    [Fact]
    public void Describe_AnAppWhoseRuntimeConfigListsTheFrameworksItCarries_IsSelfContained()
    {
        using var folder = new TradingBot.Testing.TemporaryFolder();
        var dll = Path.Combine(folder.Path, "TradingBot.Functions.dll");
        File.Copy(Path.Combine(ConfigurationTestsPaths.AppFolder, "TradingBot.Functions.dll"), dll);
        var config = Path.Combine(folder.Path, "TradingBot.Functions.runtimeconfig.json");

        File.WriteAllText(config, """{"runtimeOptions":{"tfm":"net10.0","includedFrameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.12"}]}}""");
        Assert.Equal(Configuration + ", IL only, self-contained", HandlerBuild.Describe(dll));

        File.WriteAllText(config, """{"runtimeOptions":{"tfm":"net10.0","frameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.0"}]}}""");
        Assert.Equal(Configuration + ", IL only", HandlerBuild.Describe(dll));
    }

    [Fact]
    public void Describe_AMissingFileOrANativeExecutable_SaysSo()
    {
        Assert.Equal("not found", HandlerBuild.Describe(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".dll")));
        Assert.Equal("native", HandlerBuild.Describe(Environment.ProcessPath!));
    }

    /// <summary>Overwrites the flags of the file's ReadyToRun header (signature, major, minor, then flags).</summary>
    private static void SetReadyToRunFlags(string path, uint flags)
    {
        long offset;
        using (var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path)))
        {
            var rva = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.RelativeVirtualAddress;
            var section = pe.PEHeaders.SectionHeaders.Single(s => rva >= s.VirtualAddress && rva < s.VirtualAddress + s.VirtualSize);
            offset = rva - section.VirtualAddress + section.PointerToRawData + 8;
        }

        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        Span<byte> bytes = stackalloc byte[4];
        file.ReadExactly(bytes);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes) | flags;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        file.Position = offset;
        file.Write(bytes);
    }
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TradingBot.DevHost.Bench;

/// <summary>
/// What kind of build a handler assembly is: a cold start measured on a Debug build (what <c>dotnet run</c> of the
/// DevHost starts by default) or on IL without ReadyToRun code says little about the deployed app, which is a Release
/// publish precompiled ReadyToRun.
/// </summary>
public static class HandlerBuild
{
    /// <summary><c>Release, ReadyToRun</c>, <c>Debug, IL only</c>, … for a managed assembly; <c>native</c> or <c>not found</c> otherwise.</summary>
    public static string Describe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return "not found";
        }

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        try
        {
            if (!pe.HasMetadata)
            {
                return "native";
            }
        }
        catch (BadImageFormatException)
        {
            return "native"; // not a PE file at all: an ELF or Mach-O executable (e.g. Native AOT)
        }

        var readyToRun = pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        return (JitOptimizerDisabled(pe.GetMetadataReader()) ? "Debug" : "Release") + (readyToRun ? ", ReadyToRun" : ", IL only");
    }

    /// <summary>The handler's assembly: the first argument of host.json's command line that names a .dll in the app root, else the executable.</summary>
    public static string AssemblyPath(string root, string executable, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = arguments.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        return Path.Combine(root, dll ?? executable);
    }

    /// <summary>The compiler marks a Debug build <c>[Debuggable(... DisableOptimizations ...)]</c>; a Release build without that flag.</summary>
    private static bool JitOptimizerDisabled(MetadataReader reader)
    {
        const int DisableOptimizations = 0x100;
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "DebuggableAttribute")
            {
                continue;
            }

            var value = reader.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            if (value.RemainingBytes >= 6)
            {
                return (value.ReadInt32() & DisableOptimizations) != 0; // DebuggableAttribute(DebuggingModes)
            }

            value.ReadBoolean(); // DebuggableAttribute(isJITTrackingEnabled, isJITOptimizerDisabled)
            return value.ReadBoolean();
        }

        return false;
    }
}

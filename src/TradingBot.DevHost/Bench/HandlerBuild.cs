using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace TradingBot.DevHost.Bench;

/// <summary>
/// What kind of build a handler assembly is: a cold start measured on a Debug build (what <c>dotnet run</c> of the
/// DevHost starts by default) or on IL without ReadyToRun code says little about the deployed app, which is a Release
/// publish compiled with Native AOT.
/// </summary>
public static class HandlerBuild
{
    /// <summary>
    /// <c>Release, composite ReadyToRun, self-contained</c>, <c>Release, ReadyToRun</c>, <c>Debug, IL only</c>, … for a
    /// managed assembly (self-contained when its runtimeconfig.json lists the frameworks it carries); <c>Native AOT</c>
    /// for an executable compiled so, <c>native</c> for another one, <c>not found</c>.
    /// </summary>
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
            return NativeAot(path) ? "Native AOT" : "native"; // not a PE file at all: an ELF or Mach-O executable
        }

        return (JitOptimizerDisabled(pe.GetMetadataReader()) ? "Debug" : "Release") + ", " + Code(pe)
            + (SelfContained(path) ? ", self-contained" : "");
    }

    /// <summary>
    /// The ReadyToRun header (signature <c>RTR</c>, major and minor version, flags) that the CLI header's managed native
    /// header points at; a component of a composite image carries the component flag (0x20) and no code of its own.
    /// </summary>
    private static string Code(PEReader pe)
    {
        const uint Signature = 0x00525452; // "RTR"
        const uint ComponentFlag = 0x20;
        if (pe.PEHeaders.CorHeader is not { ManagedNativeHeaderDirectory: { Size: > 0 } header })
        {
            return "IL only";
        }

        var reader = pe.GetSectionData(header.RelativeVirtualAddress).GetReader();
        if (reader.Length < 12 || reader.ReadUInt32() != Signature)
        {
            return "ReadyToRun";
        }

        reader.ReadUInt16(); // major version
        reader.ReadUInt16(); // minor version
        return (reader.ReadUInt32() & ComponentFlag) != 0 ? "composite ReadyToRun" : "ReadyToRun";
    }

    /// <summary>A self-contained app's runtimeconfig.json names the frameworks it carries (<c>includedFrameworks</c>) instead of those it needs.</summary>
    private static bool SelfContained(string assemblyPath)
    {
        var config = Path.ChangeExtension(assemblyPath, ".runtimeconfig.json");
        if (!File.Exists(config))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(config));
            return document.RootElement.TryGetProperty("runtimeOptions", out var options)
                && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("includedFrameworks", out _);
        }
        catch (JsonException)
        {
            return false; // not ours to judge here: the host reports a broken runtimeconfig.json when it starts the app
        }
    }

    /// <summary>
    /// The handler's assembly: the first argument of host.json's command line that names a .dll in the app root; else the
    /// executable's own .dll when there is one (the executable is the SDK's apphost); else the executable (Native AOT).
    /// </summary>
    public static string AssemblyPath(string root, string executable, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = arguments.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (dll is not null)
        {
            return Path.Combine(root, dll);
        }

        var apphostAssembly = Path.Combine(root, executable + ".dll");
        return File.Exists(apphostAssembly) ? apphostAssembly : Path.Combine(root, executable);
    }

    /// <summary>A Native AOT executable keeps its compiled managed code in a section named <c>__managedcode</c>.</summary>
    private static bool NativeAot(string path) =>
        File.ReadAllBytes(path).AsSpan().IndexOf("__managedcode\0"u8) >= 0;

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

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.App;

/// <summary>What the function app declares: its function.json bindings, host.json, the settings it documents, its build.</summary>
internal static partial class FunctionApp
{
    public static string ProjectDirectory => Path.Combine(RepositoryPaths.Root, "src", "TradingBot.Functions");

    public static IReadOnlyList<FunctionBinding> Bindings { get; } = [.. Directory
        .GetFiles(Path.Combine(ProjectDirectory, "Functions"), "function.json", SearchOption.AllDirectories)
        .OrderBy(p => p, StringComparer.Ordinal)
        .SelectMany(path => JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray()
            .Select(b => new FunctionBinding(Path.GetFileName(Path.GetDirectoryName(path)!), b!.AsObject())))];

    public static JsonObject HostJson => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!.AsObject();

    /// <summary>Every setting local.settings.example.json documents (its Values).</summary>
    public static IReadOnlyList<string> DocumentedSettings =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.example.json")))!["Values"]!.AsObject().Select(p => p.Key)];

    /// <summary>The app settings function.json reads through <c>%Name%</c> (schedules).</summary>
    public static IEnumerable<string> PercentSettings => Bindings
        .SelectMany(b => b.Binding.Select(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : ""))
        .SelectMany(s => PercentSetting().Matches(s).Select(m => m.Groups[1].Value))
        .Distinct(StringComparer.Ordinal);

    /// <summary>The handler executable's file name (the project's AssemblyName): the Native AOT executable, or the apphost of a build.</summary>
    public static string ExecutableFileName =>
        XDocument.Load(Path.Combine(ProjectDirectory, "TradingBot.Functions.csproj")).Descendants("AssemblyName").Single().Value;

    /// <summary>The target framework every project builds for (Directory.Build.props), e.g. net10.0.</summary>
    public static string TargetFramework =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex PercentSetting();
}

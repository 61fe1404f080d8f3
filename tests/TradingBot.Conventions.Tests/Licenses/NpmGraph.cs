using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// Every npm package in the repository's lockfiles (<c>package-lock.json</c>, lockfile v2/v3 <c>packages</c> map),
/// with the license from the installed <c>node_modules/&lt;pkg&gt;/package.json</c> (the lockfile's own
/// <c>license</c> field when the package is not installed on this platform). A package is <em>bundled</em> when a
/// project under src/ embeds a file from it (or from a package it depends on); everything else is a development tool.
/// </summary>
internal static partial class NpmGraph
{
    public static IReadOnlyList<ThirdPartyPackage> Read(string repositoryRoot)
    {
        var bundledRoots = BundledPackages(repositoryRoot);
        var result = new List<ThirdPartyPackage>();
        foreach (var lockPath in RepositoryFiles.Find(repositoryRoot, "package-lock.json"))
        {
            result.AddRange(ReadLockFile(lockPath, bundledRoots));
        }

        return [.. result.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)];
    }

    internal static IEnumerable<ThirdPartyPackage> ReadLockFile(string lockPath, IReadOnlySet<string> bundledRoots)
    {
        var folder = Path.GetDirectoryName(lockPath)!;
        using var document = JsonDocument.Parse(File.ReadAllText(lockPath));
        if (!document.RootElement.TryGetProperty("packages", out var packages))
        {
            throw new InvalidOperationException($"{lockPath} has no 'packages' map: regenerate it with npm 7 or later (lockfileVersion 2 or 3).");
        }

        var entries = packages.EnumerateObject()
            .Where(p => p.Name.Length > 0 && !(p.Value.TryGetProperty("link", out var link) && link.GetBoolean()))
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var bundled = BundledClosure(entries, bundledRoots);
        foreach (var (key, entry) in entries)
        {
            var name = NameOf(key);
            var version = entry.TryGetProperty("version", out var v) ? v.GetString() ?? string.Empty : string.Empty;
            var usage = bundled.Contains(key) ? PackageUsage.Bundled : PackageUsage.DevToolOnly;
            yield return new ThirdPartyPackage(ThirdPartyPackage.Npm, name, version, usage, License(Path.Combine(folder, key), entry));
        }
    }

    /// <summary>The license a package.json declares: <c>license</c> (string or legacy object) or legacy <c>licenses</c> (any of them).</summary>
    internal static DeclaredLicense Classify(JsonElement manifest)
    {
        if (manifest.TryGetProperty("license", out var license))
        {
            var text = license.ValueKind == JsonValueKind.Object && license.TryGetProperty("type", out var type) ? type.GetString() : license.ValueKind == JsonValueKind.String ? license.GetString() : null;
            return FromText(text);
        }

        if (manifest.TryGetProperty("licenses", out var licenses) && licenses.ValueKind == JsonValueKind.Array)
        {
            var names = licenses.EnumerateArray()
                .Select(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("type", out var t) ? t.GetString() : l.ValueKind == JsonValueKind.String ? l.GetString() : null)
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .ToList();
            return names.Count == 0 ? DeclaredLicense.None : FromText(names.Count == 1 ? names[0] : "(" + string.Join(" OR ", names) + ")");
        }

        return DeclaredLicense.None;
    }

    private static DeclaredLicense FromText(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DeclaredLicense.None;
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new DeclaredLicense(DeclaredLicenseKind.Url, text);
        }

        return text.StartsWith("SEE LICENSE IN ", StringComparison.OrdinalIgnoreCase)
            ? new DeclaredLicense(DeclaredLicenseKind.File, text["SEE LICENSE IN ".Length..])
            : new DeclaredLicense(DeclaredLicenseKind.Expression, text);
    }

    private static DeclaredLicense License(string packageFolder, JsonElement lockEntry)
    {
        var manifest = Path.Combine(packageFolder, "package.json");
        if (File.Exists(manifest))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            return Classify(json.RootElement);
        }

        return Classify(lockEntry);
    }

    /// <summary>Packages a shipped project embeds files from: <c>node_modules/&lt;pkg&gt;/…</c> or <c>$(NodeModulesDir)/&lt;pkg&gt;/…</c> in src/**/*.csproj.</summary>
    internal static IReadOnlySet<string> BundledPackages(string repositoryRoot)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in RepositoryFiles.Projects(repositoryRoot).Where(p => RepositoryFiles.IsShipped(repositoryRoot, p)))
        {
            foreach (Match match in NodeModulesReference().Matches(File.ReadAllText(project)))
            {
                names.Add(match.Groups[1].Value.Replace('\\', '/'));
            }
        }

        return names;
    }

    /// <summary>Lockfile keys of the bundled packages and everything they depend on (npm's nested-then-hoisted resolution).</summary>
    private static HashSet<string> BundledClosure(Dictionary<string, JsonElement> entries, IReadOnlySet<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(roots.Select(r => "node_modules/" + r).Where(entries.ContainsKey));
        while (queue.TryDequeue(out var key))
        {
            if (!seen.Add(key))
            {
                continue;
            }

            foreach (var property in new[] { "dependencies", "optionalDependencies", "peerDependencies" })
            {
                if (!entries[key].TryGetProperty(property, out var dependencies))
                {
                    continue;
                }

                foreach (var dependency in dependencies.EnumerateObject())
                {
                    if (Resolve(key, dependency.Name, entries) is { } resolved)
                    {
                        queue.Enqueue(resolved);
                    }
                }
            }
        }

        return seen;
    }

    private static string? Resolve(string from, string dependency, Dictionary<string, JsonElement> entries)
    {
        for (var scope = from; ; )
        {
            var candidate = $"{scope}/node_modules/{dependency}";
            if (entries.ContainsKey(candidate))
            {
                return candidate;
            }

            var cut = scope.LastIndexOf("/node_modules/", StringComparison.Ordinal);
            if (cut < 0)
            {
                return entries.ContainsKey("node_modules/" + dependency) ? "node_modules/" + dependency : null;
            }

            scope = scope[..cut];
        }
    }

    private static string NameOf(string key) => key[(key.LastIndexOf("node_modules/", StringComparison.Ordinal) + "node_modules/".Length)..];

    [GeneratedRegex(@"(?:node_modules|\$\(NodeModulesDir\))[/\\]((?:@[^/\\""';]+[/\\])?[^/\\""';@]+)")]
    private static partial Regex NodeModulesReference();
}

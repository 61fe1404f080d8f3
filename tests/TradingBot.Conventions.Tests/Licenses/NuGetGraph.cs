using System.Xml.Linq;
using NuGet.Common;
using NuGet.LibraryModel;
using NuGet.ProjectModel;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// Every NuGet package in the resolved graph of every project of TradingBot.sln (src/, tests/, bench/), read from
/// the restore output (<c>artifacts/obj/&lt;project&gt;/project.assets.json</c>), with the license its
/// <c>.nuspec</c> in the global packages folder declares and how the product uses it.
/// </summary>
internal static class NuGetGraph
{
    public static IReadOnlyList<ThirdPartyPackage> Read(string repositoryRoot)
    {
        var projects = RepositoryFiles.SolutionProjects(repositoryRoot);
        var assets = RestoredAssets(repositoryRoot);
        var missing = projects.Where(p => !assets.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No restore output for {string.Join(", ", missing.Select(p => Path.GetRelativePath(repositoryRoot, p)))}: " +
                "run `dotnet restore` (or `dotnet test` at the repository root) first, so the audit sees every project's graph.");
        }

        var usage = new Dictionary<(string Name, string Version), PackageUsage>();
        var folders = new Dictionary<(string Name, string Version), string>();
        foreach (var project in projects)
        {
            var lockFile = assets[project];
            var shipped = RepositoryFiles.IsShipped(repositoryRoot, project);
            foreach (var (library, use) in Classify(lockFile, shipped))
            {
                var key = (library.Name, library.Version.ToNormalizedString());
                usage[key] = usage.TryGetValue(key, out var seen) && seen < use ? seen : use;
                folders.TryAdd(key, Path.Combine(lockFile.PackageFolders[0].Path, library.Path));
            }
        }

        return [.. usage.Select(kv => new ThirdPartyPackage(ThirdPartyPackage.NuGet, kv.Key.Name, kv.Key.Version, kv.Value, ReadNuspec(folders[kv.Key])))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal)];
    }

    /// <summary>The license a package folder's .nuspec declares: expression, else file, else URL.</summary>
    internal static DeclaredLicense ReadNuspec(string packageFolder)
    {
        var nuspec = Directory.Exists(packageFolder) ? Directory.GetFiles(packageFolder, "*.nuspec").FirstOrDefault() : null;
        if (nuspec is null)
        {
            throw new InvalidOperationException($"No .nuspec in {packageFolder}: the global packages folder does not hold this restored package.");
        }

        var metadata = XDocument.Load(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        var url = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim();
        return license?.Attribute("type")?.Value switch
        {
            "expression" => new DeclaredLicense(DeclaredLicenseKind.Expression, license.Value.Trim()),
            "file" => new DeclaredLicense(DeclaredLicenseKind.File, license.Value.Trim()),
            _ when !string.IsNullOrEmpty(url) => new DeclaredLicense(DeclaredLicenseKind.Url, url),
            _ => DeclaredLicense.None,
        };
    }

    private static Dictionary<string, LockFile> RestoredAssets(string repositoryRoot)
    {
        var result = new Dictionary<string, LockFile>(StringComparer.Ordinal);
        var obj = Path.Combine(repositoryRoot, "artifacts", "obj");
        if (!Directory.Exists(obj))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(obj, "project.assets.json", SearchOption.AllDirectories))
        {
            var lockFile = LockFileUtilities.GetLockFile(file, NullLogger.Instance);
            var project = lockFile?.PackageSpec?.RestoreMetadata?.ProjectPath;
            if (project is not null)
            {
                result[Path.GetFullPath(project)] = lockFile!;
            }
        }

        return result;
    }

    /// <summary>
    /// A shipped project's packages are runtime when reached from a dependency that flows to consumers (or through a
    /// project reference) and build-only when reached only through <c>PrivateAssets="all"</c> references (analyzers);
    /// every package of a test or benchmark project is test-only.
    /// </summary>
    private static IEnumerable<(LockFileLibrary Library, PackageUsage Usage)> Classify(LockFile lockFile, bool shipped)
    {
        var target = lockFile.Targets.First(t => string.IsNullOrEmpty(t.RuntimeIdentifier));
        var byName = target.Libraries.ToDictionary(l => l.Name!, StringComparer.OrdinalIgnoreCase);
        var packages = lockFile.Libraries.Where(l => l.Type == LibraryType.Package).ToList();
        if (!shipped)
        {
            return packages.Select(p => (p, PackageUsage.TestOnly));
        }

        var direct = lockFile.PackageSpec.TargetFrameworks.SelectMany(f => f.Dependencies).ToList();
        var flowing = direct.Where(d => d.SuppressParent != LibraryIncludeFlags.All).Select(d => d.Name)
            .Concat(target.Libraries.Where(l => l.Type == LibraryType.Project).SelectMany(l => l.Dependencies.Select(d => d.Id)));
        var runtime = Closure(flowing, byName);
        var build = Closure(direct.Where(d => d.SuppressParent == LibraryIncludeFlags.All).Select(d => d.Name), byName);
        return packages
            .Where(p => runtime.Contains(p.Name) || build.Contains(p.Name))
            .Select(p => (p, runtime.Contains(p.Name) ? PackageUsage.Runtime : PackageUsage.BuildOnly));
    }

    private static HashSet<string> Closure(IEnumerable<string> roots, Dictionary<string, LockFileTargetLibrary> byName)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(roots);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name) || !byName.TryGetValue(name, out var library))
            {
                continue;
            }

            foreach (var dependency in library.Dependencies)
            {
                queue.Enqueue(dependency.Id);
            }
        }

        return seen;
    }
}

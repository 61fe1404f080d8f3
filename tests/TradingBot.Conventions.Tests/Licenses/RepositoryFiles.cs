using System.Text.RegularExpressions;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>The repository's own project files, found by walking src/, tests/ and bench/ (never build output or node_modules).</summary>
internal static partial class RepositoryFiles
{
    private static readonly string[] ProjectRoots = ["src", "tests", "bench"];
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", "artifacts", ".git" };

    /// <summary>Every *.csproj under src/, tests/ and bench/, as full paths.</summary>
    public static IReadOnlyList<string> Projects(string repositoryRoot) =>
        [.. ProjectRoots.SelectMany(r => Find(Path.Combine(repositoryRoot, r), "*.csproj")).Order(StringComparer.Ordinal)];

    /// <summary>The projects TradingBot.sln builds (what `dotnet restore` / `dotnet test` at the root restore), as full paths.</summary>
    public static IReadOnlyList<string> SolutionProjects(string repositoryRoot) =>
        [.. SolutionProject().Matches(File.ReadAllText(Path.Combine(repositoryRoot, "TradingBot.sln")))
            .Select(m => Path.GetFullPath(Path.Combine(repositoryRoot, m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .Order(StringComparer.Ordinal)];

    /// <summary>Projects under src/ are what the product ships.</summary>
    public static bool IsShipped(string repositoryRoot, string projectPath) =>
        Path.GetRelativePath(repositoryRoot, projectPath).StartsWith("src" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Files matching <paramref name="pattern"/> below <paramref name="folder"/>, skipping build output and dependencies.</summary>
    public static IEnumerable<string> Find(string folder, string pattern)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, pattern))
        {
            yield return Path.GetFullPath(file);
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (Skipped.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in Find(child, pattern))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"^Project\(""\{[0-9A-F-]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SolutionProject();
}

using System.Reflection;

namespace TradingBot.Testing;

/// <summary>Where the repository and the shared sample data are, for tests that read files.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder with TradingBot.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared sample data folder (<c>../shared/data</c> next to the repository).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string SharedFile(string name)
    {
        var path = Path.Combine(SharedData, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared sample file '{name}' is missing at {path}; tests expect ../shared/data next to the repository.", path);
    }

    private static string FindRoot()
    {
        var fromBuild = Assembly.GetCallingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
            {
                return dir.FullName;
            }
        }

        return fromBuild is not null && File.Exists(Path.Combine(fromBuild, "TradingBot.sln"))
            ? fromBuild
            : throw new InvalidOperationException("Cannot find the repository root (TradingBot.sln) above " + AppContext.BaseDirectory);
    }
}

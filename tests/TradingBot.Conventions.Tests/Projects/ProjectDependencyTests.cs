using System.Xml.Linq;
using TradingBot.Testing;

namespace TradingBot.Conventions.Tests.Projects;

/// <summary>
/// Dependencies point inward (docs/architecture.md): Core references nothing; Exchanges, Storage and Backtesting
/// reference only Core; only the hosts (Functions, DevHost, Cli) may combine them.
/// </summary>
public sealed class ProjectDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["TradingBot.Core"] = [],
        ["TradingBot.Exchanges"] = ["TradingBot.Core"],
        ["TradingBot.Storage"] = ["TradingBot.Core"],
        ["TradingBot.Backtesting"] = ["TradingBot.Core"],
    };

    public static TheoryData<string> Layers => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Layers))]
    public void ProjectReferences_InnerLayers_PointOnlyInward(string project)
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj");

        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.All(references, r => Assert.Contains(r, Allowed[project]));
    }

    [Fact]
    public void PackageReferences_Core_HasNoneBesidesBuildAnalyzers()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "TradingBot.Core", "TradingBot.Core.csproj");

        Assert.Empty(XDocument.Load(path).Descendants("PackageReference"));
    }
}

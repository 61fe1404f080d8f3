using TradingBot.Conventions.Tests.Licenses;
using TradingBot.Testing;

namespace TradingBot.Conventions.Tests.Projects;

public sealed class ProjectFileRulesTests
{
    [Fact]
    public void EveryProject_SetsNoPackageVersionAndNoBuildBaselineProperty()
    {
        var violations = RepositoryFiles.Projects(RepositoryPaths.Root)
            .SelectMany(p => ProjectFileRules.Violations(File.ReadAllText(p), Path.GetRelativePath(RepositoryPaths.Root, p)))
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Violations_PackageReferenceWithVersion_NamesPackageAndLine()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Good.Package" />
                <PackageReference Include="Pinned.Package" Version="1.2.3" />
                <PackageReference Include="Overridden.Package" VersionOverride="2.0.0" />
                <PackageReference Include="Nested.Package"><Version>3.0.0</Version></PackageReference>
              </ItemGroup>
            </Project>
            """;

        var violations = ProjectFileRules.Violations(project, "src/X/X.csproj");

        Assert.Equal(3, violations.Count);
        Assert.StartsWith("src/X/X.csproj:4: PackageReference 'Pinned.Package' sets Version", violations[0], StringComparison.Ordinal);
        Assert.Contains("'Overridden.Package' sets VersionOverride", violations[1], StringComparison.Ordinal);
        Assert.Contains("'Nested.Package' sets Version", violations[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nullable", "disable")]
    [InlineData("TreatWarningsAsErrors", "false")]
    [InlineData("LangVersion", "12")]
    public void Violations_BuildBaselinePropertyPerProject_IsReported(string property, string value)
    {
        var project = $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RootNamespace>X</RootNamespace><{property}>{value}</{property}></PropertyGroup></Project>";

        var violation = Assert.Single(ProjectFileRules.Violations(project, "tests/X.csproj"));

        Assert.Contains($"sets <{property}>", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_ProjectWithOnlyReferencesAndOwnProperties_None()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><RootNamespace>X</RootNamespace></PropertyGroup>
              <ItemGroup><PackageReference Include="A" PrivateAssets="all" /><ProjectReference Include="..\Y\Y.csproj" /></ItemGroup>
            </Project>
            """;

        Assert.Empty(ProjectFileRules.Violations(project, "src/X/X.csproj"));
    }
}

using TradingBot.Testing;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// The product is sold under MIT: every NuGet and npm package any project resolves must be under a license on the
/// allow-list (or a reviewed mapping/exception in <see cref="LicensePolicy"/>), and docs/licenses.md must list each one
/// with its version, license and use.
/// </summary>
public sealed class LicenseAuditTests
{
    private static readonly Lazy<IReadOnlyList<LicenseFinding>> Findings = new(() =>
        [.. NuGetGraph.Read(RepositoryPaths.Root).Concat(NpmGraph.Read(RepositoryPaths.Root)).Select(LicensePolicy.Product.Evaluate)]);

    [Fact]
    public void Audit_EveryResolvedPackage_HasAnAllowedLicense()
    {
        var violations = Findings.Value.Where(f => !f.IsAllowed).Select(f => $"{f.Package.Id} ({LicensePolicy.Describe(f.Package.Usage)}): {f.Problem}").ToList();

        Assert.True(violations.Count == 0, "Packages whose license is not allowed for an MIT product:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Audit_RepositoryGraph_SeesBothEcosystemsAndEveryKindOfUse()
    {
        var packages = Findings.Value.Select(f => f.Package).ToList();

        Assert.Contains(packages, p => p is { Ecosystem: ThirdPartyPackage.NuGet, Name: "System.CommandLine", Usage: PackageUsage.Runtime });
        Assert.Contains(packages, p => p is { Ecosystem: ThirdPartyPackage.NuGet, Name: "Microsoft.CodeAnalysis.BannedApiAnalyzers", Usage: PackageUsage.BuildOnly });
        Assert.Contains(packages, p => p is { Ecosystem: ThirdPartyPackage.NuGet, Name: "xunit.core", Usage: PackageUsage.TestOnly });
        Assert.Contains(packages, p => p is { Ecosystem: ThirdPartyPackage.Npm, Name: "lightweight-charts", Usage: PackageUsage.Bundled });
        Assert.Contains(packages, p => p is { Ecosystem: ThirdPartyPackage.Npm, Name: "azurite", Usage: PackageUsage.DevToolOnly });
    }

    [Fact]
    public void LicensesDocument_ListsEveryPackageWithVersionLicenseAndUse()
    {
        var documented = LicensesDocument.Rows(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "licenses.md")));
        var expected = Findings.Value.Select(LicensesDocument.Key).ToHashSet(StringComparer.Ordinal);

        var missing = expected.Except(documented).Order(StringComparer.Ordinal).ToList();
        var stale = documented.Except(expected).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || stale.Count > 0)
        {
            var regenerated = Path.Combine(RepositoryPaths.Root, "artifacts", "licenses-tables.md");
            Directory.CreateDirectory(Path.GetDirectoryName(regenerated)!);
            File.WriteAllText(regenerated, LicensesDocument.Render(Findings.Value));
            Assert.Fail($"docs/licenses.md is out of date (tables as they should read: {regenerated}).\n" +
                $"Missing or different:\n  {string.Join("\n  ", missing)}\nListed but not in the graph:\n  {string.Join("\n  ", stale)}");
        }
    }
}

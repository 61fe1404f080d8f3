using System.Text.Json;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>The audit's rules on hand-made packages: proves it rejects what it must (GPL, unknown URLs, files, nothing).</summary>
public sealed class LicensePolicyTests
{
    [Theory]
    [InlineData("MIT")]
    [InlineData("Apache-2.0")]
    [InlineData("BSD-2-Clause")]
    [InlineData("BSD-3-Clause")]
    [InlineData("ISC")]
    [InlineData("PostgreSQL")]
    [InlineData("Unlicense")]
    [InlineData("0BSD")]
    [InlineData("(MIT OR GPL-3.0-only)")]
    [InlineData("GPL-2.0-or-later or Apache-2.0")]
    [InlineData("MIT AND (BSD-3-Clause OR LGPL-2.1-only)")]
    [InlineData("Apache-2.0 WITH LLVM-exception")]
    public void Evaluate_AllowedOrOffersAnAllowedLicense_Passes(string expression)
    {
        var finding = LicensePolicy.Product.Evaluate(Package(new(DeclaredLicenseKind.Expression, expression)));

        Assert.True(finding.IsAllowed, finding.Problem);
        Assert.Equal(expression, finding.Spdx);
    }

    [Theory]
    [InlineData("GPL-3.0-only")]
    [InlineData("AGPL-3.0-or-later")]
    [InlineData("MIT AND GPL-2.0-only")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("BlueOak-1.0.0")]
    [InlineData("UNLICENSED")]
    [InlineData("MIT OR")]
    [InlineData("(MIT")]
    [InlineData("MIT Apache-2.0")]
    public void Evaluate_NoAllowedLicenseOnOffer_FailsNamingTheLicense(string expression)
    {
        var finding = LicensePolicy.Product.Evaluate(Package(new(DeclaredLicenseKind.Expression, expression)));

        Assert.False(finding.IsAllowed);
        Assert.Contains(expression, finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LicenseUrlWithoutReviewedMapping_FailsWithWhatWasFound()
    {
        const string proprietary = "http://go.microsoft.com/fwlink/?LinkId=329770";

        var finding = LicensePolicy.Product.Evaluate(Package(new(DeclaredLicenseKind.Url, proprietary)));

        Assert.False(finding.IsAllowed);
        Assert.Contains(proprietary, finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReviewedLicenseUrl_UsesItsDocumentedSpdx()
    {
        var finding = LicensePolicy.Product.Evaluate(Package(new(DeclaredLicenseKind.Url, "https://raw.githubusercontent.com/xunit/xunit/master/license.txt")));

        Assert.True(finding.IsAllowed);
        Assert.Equal("Apache-2.0", finding.Spdx);
    }

    [Theory]
    [InlineData(DeclaredLicenseKind.File, "LICENSE.txt")]
    [InlineData(DeclaredLicenseKind.None, "")]
    public void Evaluate_LicenseFileOrNothing_FailsUntilReviewed(DeclaredLicenseKind kind, string value)
    {
        var finding = LicensePolicy.Product.Evaluate(Package(new(kind, value)));

        Assert.False(finding.IsAllowed);
        Assert.Null(finding.Spdx);
    }

    [Fact]
    public void Evaluate_ReviewedExceptionUsedBeyondItsScope_Fails()
    {
        var devTool = new ThirdPartyPackage(ThirdPartyPackage.Npm, "uri-templates", "0.2.0", PackageUsage.DevToolOnly, new(DeclaredLicenseKind.Url, "x"));

        Assert.True(LicensePolicy.Product.Evaluate(devTool).IsAllowed);
        Assert.False(LicensePolicy.Product.Evaluate(devTool with { Usage = PackageUsage.Bundled }).IsAllowed);
        Assert.False(LicensePolicy.Product.Evaluate(devTool with { Version = "0.2.1" }).IsAllowed);
    }

    [Fact]
    public void Audit_LockfileWithAGplPackage_ReportsThatPackage()
    {
        var folder = Directory.CreateTempSubdirectory("tradingbot-npm-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "package-lock.json"), """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "sample", "devDependencies": {"ok": "1.0.0", "copyleft": "2.0.0"}},
                  "node_modules/ok": {"version": "1.0.0", "license": "MIT", "dependencies": {"copyleft": "2.0.0"}},
                  "node_modules/copyleft": {"version": "2.0.0", "license": "GPL-3.0-only"}
                }}
                """);

            var findings = NpmGraph.ReadLockFile(Path.Combine(folder.FullName, "package-lock.json"), new HashSet<string> { "ok" })
                .Select(LicensePolicy.Product.Evaluate).ToList();

            var bad = Assert.Single(findings, f => !f.IsAllowed);
            Assert.Equal("npm:copyleft@2.0.0", bad.Package.Id);
            Assert.Equal(PackageUsage.Bundled, bad.Package.Usage); // reached from a bundled package, so it would ship
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"license": "MIT"}""", DeclaredLicenseKind.Expression, "MIT")]
    [InlineData("""{"license": {"type": "BSD-3-Clause", "url": "x"}}""", DeclaredLicenseKind.Expression, "BSD-3-Clause")]
    [InlineData("""{"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}""", DeclaredLicenseKind.Expression, "(MIT OR Apache-2.0)")]
    [InlineData("""{"license": "SEE LICENSE IN LICENSE.md"}""", DeclaredLicenseKind.File, "LICENSE.md")]
    [InlineData("""{"license": "http://example.org/license.txt"}""", DeclaredLicenseKind.Url, "http://example.org/license.txt")]
    [InlineData("""{"name": "nothing"}""", DeclaredLicenseKind.None, "")]
    public void Classify_PackageJsonLicenseForms_AreRead(string json, DeclaredLicenseKind kind, string value)
    {
        using var manifest = JsonDocument.Parse(json);

        Assert.Equal(new DeclaredLicense(kind, value), NpmGraph.Classify(manifest.RootElement));
    }

    [Fact]
    public void ReadNuspec_OnlyALicenseUrl_IsReportedAsUrl()
    {
        var folder = Directory.CreateTempSubdirectory("tradingbot-nuspec-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "old.package.nuspec"), """
                <?xml version="1.0"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
                  <metadata><id>Old.Package</id><version>1.0.0</version><licenseUrl>http://example.org/eula</licenseUrl></metadata>
                </package>
                """);

            Assert.Equal(new DeclaredLicense(DeclaredLicenseKind.Url, "http://example.org/eula"), NuGetGraph.ReadNuspec(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ThirdPartyPackage Package(DeclaredLicense license) =>
        new(ThirdPartyPackage.NuGet, "Sample.Package", "1.0.0", PackageUsage.Runtime, license);
}

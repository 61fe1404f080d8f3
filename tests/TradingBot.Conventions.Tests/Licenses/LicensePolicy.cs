namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// Which licenses the product (sold under MIT) may depend on, and the reviewed facts the audit may use where a
/// package's metadata is not an SPDX expression. There is no blanket pass: a license URL, a license file or a
/// non-SPDX text is a failure until someone reviews it and records it here with the reason.
/// </summary>
internal sealed class LicensePolicy(
    IReadOnlySet<string> allowed,
    IReadOnlyDictionary<string, (string Spdx, string Reason)> licenseUrls,
    IReadOnlyDictionary<string, LicenseException> exceptions)
{
    /// <summary>Permissive licenses compatible with selling the product under MIT (SPDX identifiers).</summary>
    public static readonly IReadOnlySet<string> AllowList = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "PostgreSQL", "Unlicense", "0BSD",
    };

    /// <summary>
    /// License URLs (from nuspecs that predate license expressions, or npm <c>license</c> fields holding a URL) whose
    /// text was reviewed. Microsoft's older packages point at repository LICENSE files; the .NET Library License
    /// (go.microsoft.com/fwlink/?LinkId=329770) is proprietary and deliberately absent.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Spdx, string Reason)> ReviewedLicenseUrls =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["https://raw.githubusercontent.com/xunit/xunit/master/license.txt"] =
                ("Apache-2.0", "xunit.abstractions 2.0.3 predates license expressions; xunit's license.txt is the Apache License 2.0, which every later xunit package declares as its expression."),
            ["https://github.com/dotnet/corefx/blob/master/LICENSE.TXT"] =
                ("MIT", "The .NET Core (corefx) repository license, the MIT License; older System.* and Microsoft.* packages built there point to it."),
        };

    /// <summary>Single package versions accepted after review although their license is not on the allow-list.</summary>
    public static readonly IReadOnlyDictionary<string, LicenseException> ReviewedExceptions =
        new Dictionary<string, LicenseException>(StringComparer.OrdinalIgnoreCase)
        {
            ["NuGet:CommandLineParser@2.9.1"] = new(
                "MIT",
                PackageUsage.TestOnly,
                "A BenchmarkDotNet dependency (bench/ only, never shipped). The nuspec has only a license file, License.md, "
                + "which is the MIT License text (Copyright (c) 2005 - 2015 Giacomo Stelluti Scala & Contributors)."),
            ["NuGet:Microsoft.DotNet.PlatformAbstractions@3.1.6"] = new(
                "MIT",
                PackageUsage.TestOnly,
                "A BenchmarkDotNet dependency (bench/ only, never shipped). The nuspec has only a license file, LICENSE.TXT, "
                + "which is the MIT License text of the .NET Foundation."),
            ["npm:uri-templates@0.2.0"] = new(
                "LicenseRef-public-domain",
                PackageUsage.DevToolOnly,
                "A direct dependency of Azurite (local storage emulator for development and tests; never shipped). Its package.json "
                + "names tv4's LICENSE.txt, a public-domain dedication ('Anybody may use, alter and distribute the code without "
                + "restriction'): no conditions that could conflict with MIT."),
        };

    public static LicensePolicy Product { get; } = new(AllowList, ReviewedLicenseUrls, ReviewedExceptions);

    /// <summary>The package's license as an SPDX expression, or the reason it is not acceptable.</summary>
    public LicenseFinding Evaluate(ThirdPartyPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (exceptions.TryGetValue($"{package.Ecosystem}:{package.Name}@{package.Version}", out var exception))
        {
            return exception.Usage == package.Usage
                ? new LicenseFinding(package, exception.License, null)
                : new LicenseFinding(package, exception.License,
                    $"reviewed exception '{exception.License}' covers {Describe(exception.Usage)} use only, but the package is now {Describe(package.Usage)}");
        }

        var (spdx, problem) = Resolve(package.License);
        if (spdx is null)
        {
            return new LicenseFinding(package, null, problem);
        }

        return SpdxExpression.IsSatisfiedBy(spdx, allowed.Contains)
            ? new LicenseFinding(package, spdx, null)
            : new LicenseFinding(package, spdx, $"license '{spdx}' offers none of the allowed licenses ({string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
    }

    public static string Describe(PackageUsage usage) => usage switch
    {
        PackageUsage.Runtime => "runtime",
        PackageUsage.Bundled => "bundled",
        PackageUsage.BuildOnly => "build only",
        PackageUsage.TestOnly => "test only",
        PackageUsage.DevToolOnly => "dev tool only",
        _ => throw new ArgumentOutOfRangeException(nameof(usage), usage, null),
    };

    private (string? Spdx, string? Problem) Resolve(DeclaredLicense license)
    {
        switch (license.Kind)
        {
            case DeclaredLicenseKind.Expression:
                return (license.Value, null);
            case DeclaredLicenseKind.Url:
                return licenseUrls.TryGetValue(license.Value.Trim(), out var mapped)
                    ? (mapped.Spdx, null)
                    : (null, $"{license}: no reviewed URL → SPDX mapping in LicensePolicy.ReviewedLicenseUrls (read the text, then add it with the reason)");
            default:
                return (null, $"{license}: review the license and record it in LicensePolicy");
        }
    }
}

/// <summary>A reviewed, version-specific acceptance of a license that is not on the allow-list, for one kind of use.</summary>
internal sealed record LicenseException(string License, PackageUsage Usage, string Reason);

/// <summary>The audit's verdict on one package: its license as SPDX (when known) and the problem, if any.</summary>
internal sealed record LicenseFinding(ThirdPartyPackage Package, string? Spdx, string? Problem)
{
    public bool IsAllowed => Problem is null;
}

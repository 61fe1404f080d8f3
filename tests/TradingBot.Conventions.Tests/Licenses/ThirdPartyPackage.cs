namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>One resolved third-party package (NuGet or npm), how the product uses it, and the license it declares.</summary>
internal sealed record ThirdPartyPackage(string Ecosystem, string Name, string Version, PackageUsage Usage, DeclaredLicense License)
{
    public const string NuGet = "NuGet";
    public const string Npm = "npm";

    public string Id => $"{Ecosystem}:{Name}@{Version}";
}

/// <summary>What a package's own metadata says about its license.</summary>
internal sealed record DeclaredLicense(DeclaredLicenseKind Kind, string Value)
{
    public static DeclaredLicense None { get; } = new(DeclaredLicenseKind.None, string.Empty);

    public override string ToString() => Kind switch
    {
        DeclaredLicenseKind.Expression => $"expression '{Value}'",
        DeclaredLicenseKind.Url => $"only a license URL '{Value}'",
        DeclaredLicenseKind.File => $"only a license file '{Value}'",
        _ => "no license metadata",
    };
}

public enum DeclaredLicenseKind
{
    None,
    Expression,
    Url,
    File,
}

/// <summary>How the product uses a package, most shipped first (a package used several ways gets the first).</summary>
internal enum PackageUsage
{
    /// <summary>In the runtime dependency graph of a project under src/: shipped.</summary>
    Runtime,

    /// <summary>An npm file embedded in a shipped assembly (the chart library inside the HTML reports).</summary>
    Bundled,

    /// <summary>Used by a src/ project's build only (analyzers, PrivateAssets="all"): not shipped.</summary>
    BuildOnly,

    /// <summary>Only in test or benchmark projects: not shipped.</summary>
    TestOnly,

    /// <summary>An npm development tool (Azurite and its dependencies): local development and tests, not shipped.</summary>
    DevToolOnly,
}

using System.Text;
using System.Text.RegularExpressions;

namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// The package tables of docs/licenses.md: under <c>## NuGet packages</c> and <c>## npm packages</c>, one row
/// <c>| name | version | license | use |</c> per package. Prose around the tables is free.
/// </summary>
internal static partial class LicensesDocument
{
    public const string NuGetHeading = "## NuGet packages";
    public const string NpmHeading = "## npm packages";

    /// <summary>The rows of the document, as <c>ecosystem|name|version|license|use</c>.</summary>
    public static IReadOnlySet<string> Rows(string markdown)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        string? ecosystem = null;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                ecosystem = line switch
                {
                    NuGetHeading => ThirdPartyPackage.NuGet,
                    NpmHeading => ThirdPartyPackage.Npm,
                    _ => null,
                };
                continue;
            }

            var row = Row().Match(line);
            if (ecosystem is not null && row.Success && row.Groups[1].Value != "Package" && !row.Groups[1].Value.StartsWith("---", StringComparison.Ordinal))
            {
                rows.Add(Key(ecosystem, row.Groups[1].Value, row.Groups[2].Value, row.Groups[3].Value, row.Groups[4].Value));
            }
        }

        return rows;
    }

    public static string Key(LicenseFinding finding) =>
        Key(finding.Package.Ecosystem, finding.Package.Name, finding.Package.Version, finding.Spdx ?? "?", LicensePolicy.Describe(finding.Package.Usage));

    /// <summary>The two tables as they should read, for pasting into docs/licenses.md.</summary>
    public static string Render(IReadOnlyList<LicenseFinding> findings)
    {
        var text = new StringBuilder();
        foreach (var (heading, ecosystem) in new[] { (NuGetHeading, ThirdPartyPackage.NuGet), (NpmHeading, ThirdPartyPackage.Npm) })
        {
            text.Append(heading).Append("\n\n| Package | Version | License | Use |\n|---|---|---|---|\n");
            foreach (var f in findings.Where(f => f.Package.Ecosystem == ecosystem))
            {
                text.Append($"| {f.Package.Name} | {f.Package.Version} | {f.Spdx ?? "?"} | {LicensePolicy.Describe(f.Package.Usage)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Key(string ecosystem, string name, string version, string license, string use) =>
        $"{ecosystem}|{name.Trim()}|{version.Trim()}|{license.Trim()}|{use.Trim()}";

    [GeneratedRegex(@"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|$")]
    private static partial Regex Row();
}

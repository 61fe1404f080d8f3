using System.Xml.Linq;

namespace TradingBot.Conventions.Tests.Projects;

/// <summary>
/// What a project file must not do: set a package version (versions live in Directory.Packages.props) or override
/// the build baseline that Directory.Build.props sets for every project (Nullable, TreatWarningsAsErrors, LangVersion).
/// </summary>
internal static class ProjectFileRules
{
    private static readonly string[] VersionAttributes = ["Version", "VersionOverride"];
    private static readonly string[] BaselineProperties = ["Nullable", "TreatWarningsAsErrors", "LangVersion"];

    public static IReadOnlyList<string> Violations(string projectXml, string path)
    {
        var document = XDocument.Parse(projectXml, LoadOptions.SetLineInfo);
        var violations = new List<string>();
        foreach (var reference in document.Descendants().Where(e => e.Name.LocalName == "PackageReference"))
        {
            var package = reference.Attribute("Include")?.Value ?? reference.Attribute("Update")?.Value ?? "?";
            foreach (var name in VersionAttributes)
            {
                if (reference.Attribute(name) is not null || reference.Elements().Any(e => e.Name.LocalName == name))
                {
                    violations.Add($"{path}:{Line(reference)}: PackageReference '{package}' sets {name}; put the version in Directory.Packages.props");
                }
            }
        }

        foreach (var property in document.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && BaselineProperties.Contains(e.Name.LocalName)))
        {
            violations.Add($"{path}:{Line(property)}: sets <{property.Name.LocalName}>; it is set once for every project in Directory.Build.props");
        }

        return violations;
    }

    private static int Line(XElement element) => ((System.Xml.IXmlLineInfo)element).LineNumber;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The files every report page inlines, embedded in this assembly at build time: the chart library from npm
/// (lightweight-charts, Apache-2.0, with its license text), the renderer script and the style sheet. Also the
/// page's Content-Security-Policy, which allows exactly these two scripts (by SHA-256) and no network access at all.
/// </summary>
internal static partial class ReportAssets
{
    private const string Prefix = "TradingBot.Backtesting.Reports.";

    public static string ChartLibrary { get; } = Load("lightweight-charts.js");

    public static string ChartLibraryLicense { get; } = Load("lightweight-charts.LICENSE");

    /// <summary>The library version from its license banner (<c>v5.2.1</c> → <c>5.2.1</c>).</summary>
    public static string ChartLibraryVersion { get; } =
        VersionPattern().Match(ChartLibrary) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The embedded chart library has no version banner.");

    public static string Script { get; } = Load("report.js");

    public static string Styles { get; } = Load("report.css");

    /// <summary>
    /// <c>default-src 'none'</c>: no fetch, image, font, frame or connection to anywhere; only the two inline scripts
    /// whose hashes are listed may run; inline styles are allowed (the chart library sets them).
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src {Hash(Script)} {Hash(ChartLibrary)}; style-src 'unsafe-inline'; img-src data:; " +
        "base-uri 'none'; form-action 'none'";

    private static string Hash(string script) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    private static string Load(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Report asset '{name}' is not embedded; rebuild TradingBot.Backtesting (it restores node_modules).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // The HTML parser turns CR LF into LF before the browser hashes a script: hash and write the same text.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Lightweight Charts™ v(\d+\.\d+\.\d+)")]
    private static partial Regex VersionPattern();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingBot.Backtesting.Tests.Reports;

/// <summary>Reads what a report page contains: its data islands, inline scripts and Content-Security-Policy.</summary>
internal static partial class ReportHtml
{
    public static string Write(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    /// <summary>The JSON data islands (one per backtest section), parsed.</summary>
    public static IReadOnlyList<JsonElement> Islands(string html) =>
        [.. IslandPattern().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone())];

    public static JsonElement Island(string html) => Assert.Single(Islands(html));

    /// <summary>The executable inline scripts (not the JSON islands), as written.</summary>
    public static IReadOnlyList<string> InlineScripts(string html) =>
        [.. ScriptPattern().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The page without the embedded chart library and its license text: what the report itself wrote.</summary>
    public static string OwnMarkup(string html) =>
        html.Replace(ReportAssetsText.Library, string.Empty, StringComparison.Ordinal)
            .Replace(System.Net.WebUtility.HtmlEncode(ReportAssetsText.LibraryLicense), string.Empty, StringComparison.Ordinal);

    public static string ContentSecurityPolicy(string html) =>
        System.Net.WebUtility.HtmlDecode(CspPattern().Match(html).Groups[1].Value);

    public static string Sha256(string script) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    [GeneratedRegex("<script type=\"application/json\" data-report-data>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex IslandPattern();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex CspPattern();
}

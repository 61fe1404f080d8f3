using System.Net;
using System.Text.RegularExpressions;

namespace TradingBot.Testing;

/// <summary>A page's DOM as Chromium serialised it after running its scripts, with helpers to read what it drew.</summary>
public sealed partial class RenderedPage(string dom, string browserLog)
{
    public string Dom { get; } = dom;

    /// <summary>Chromium's stderr (console and renderer messages), for failure messages.</summary>
    public string BrowserLog { get; } = browserLog;

    /// <summary>An attribute of the <c>&lt;html&gt;</c> element (decoded), or null when absent.</summary>
    public string? RootAttribute(string name)
    {
        var tag = RootTag().Match(Dom);
        return tag.Success ? Attribute(tag.Value, name) : null;
    }

    /// <summary>How many start tags <c>&lt;name</c> the DOM has.</summary>
    public int Count(string element) => Regex.Count(Dom, $"<{Regex.Escape(element)}[\\s>]", RegexOptions.IgnoreCase);

    /// <summary>The decoded value of <paramref name="name"/> on the first start tag matching <paramref name="tagPattern"/>.</summary>
    public string? AttributeOf(string tagPattern, string name)
    {
        var tag = Regex.Match(Dom, tagPattern, RegexOptions.IgnoreCase);
        return tag.Success ? Attribute(tag.Value, name) : null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}(?:=\"([^\"]*)\")?[\\s>/]", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<html[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RootTag();
}

using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>
/// A value only Azure knows at deployment time (a property of a deployed resource, from <c>reference()</c>), kept
/// as the text <c>«reference(&lt;id&gt;).properties.x»</c> so that tests can see where a setting comes from. Member
/// and index access extend the text; everywhere else it is an ordinary non-empty string.
/// </summary>
internal static class ArmRuntimeValue
{
    private const char Open = '«';
    private const char Close = '»';

    public static JsonNode Create(string description) => JsonValue.Create($"{Open}{description}{Close}");

    public static bool Is(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 2 && s[0] == Open && s[^1] == Close
        && s.IndexOf(Close, StringComparison.Ordinal) == s.Length - 1;

    public static JsonNode Member(JsonNode value, string path)
    {
        var text = value.GetValue<string>();
        return JsonValue.Create(text[..^1] + path + Close);
    }

    /// <summary>How a value reads inside a runtime value's description (runtime values without their marks, others as JSON).</summary>
    public static string Describe(JsonNode? value) =>
        Is(value) ? value!.GetValue<string>()[1..^1] : value?.ToJsonString() ?? "null";

    /// <summary>Whether <paramref name="text"/> holds a runtime value read from the resource with this id (<c>reference(id)</c>).</summary>
    public static bool References(string text, string resourceId) =>
        text.Contains($"reference({resourceId})", StringComparison.OrdinalIgnoreCase) && text.Contains(Open, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> is exactly the runtime value <c>reference(id)</c> followed by <paramref name="path"/>.</summary>
    public static bool IsProperty(string text, string resourceId, string path) =>
        string.Equals(text, $"{Open}reference({resourceId}){path}{Close}", StringComparison.OrdinalIgnoreCase);
}

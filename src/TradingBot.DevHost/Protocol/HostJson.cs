using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingBot.DevHost.Protocol;

/// <summary>
/// The JSON conventions of the Functions host (Newtonsoft.Json defaults), reproduced so the handler cannot tell the
/// difference (functions-custom-handler.md §1.3, §1.4): compact output with minimal escaping; a .NET string value
/// encoded a second time (<see cref="Encode"/>); dates at whole seconds; and handler outputs re-read the way
/// <c>ReadAsAsync</c> reads them (ISO date strings become dates, fractional numbers become doubles) and written back
/// indented (<c>JObject.ToString()</c>), which is the body a Service Bus output message gets.
/// </summary>
public static partial class HostJson
{
    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    /// <summary><c>JsonConvert.SerializeObject(string)</c>: the text as a JSON string literal.</summary>
    public static string Encode(string value) => Write(Compact, w => w.WriteStringValue(value));

    /// <summary>A <c>DateTime</c> the host re-parsed from its culture string: whole seconds, no offset (<c>2026-01-10T12:01:00</c>).</summary>
    public static string Seconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A <c>DateTimeOffset</c> the host re-parsed: whole seconds with the offset (<c>2026-01-10T12:01:00+00:00</c>).</summary>
    public static string SecondsWithOffset(DateTimeOffset time) => Seconds(time) + "+00:00";

    /// <summary>A UTC <c>DateTime</c> inside an object, as Newtonsoft writes it (<c>2026-01-10T12:01:00.0123456Z</c>, trailing zeros dropped).</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as the host holds it after reading the handler's reply, written with
    /// <c>JToken.ToString()</c>: indented; date strings normalised; fractional numbers through <see cref="double"/>.
    /// </summary>
    public static string Reformat(JsonElement value) => Write(Indented, w => WriteReparsed(w, value));

    /// <summary>What <c>JToken.ToString()</c> gives for an output item: a string's raw text, anything else its (re-parsed, indented) JSON.</summary>
    public static string ItemText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => Number(value),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "",
        _ => Reformat(value),
    };

    public static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> content)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            content(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteReparsed(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteReparsed(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteReparsed(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Reparsed(value.GetString()!) ?? value.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Number(value));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// A string Newtonsoft reads as a date (<c>DateParseHandling.DateTime</c>) written back in its ISO format:
    /// fraction without trailing zeros; <c>Z</c> kept; an offset converted to the host's local time (UTC in Azure).
    /// Null when the string is not such a date.
    /// </summary>
    private static string? Reparsed(string text)
    {
        var match = IsoDate().Match(text);
        if (!match.Success
            || !DateTime.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = match.Groups["zone"].Value;
        const string format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";
        if (zone.Length == 0)
        {
            return local.ToString(format, CultureInfo.InvariantCulture);
        }

        if (zone == "Z")
        {
            return local.ToString(format, CultureInfo.InvariantCulture) + "Z";
        }

        var offset = TimeSpan.ParseExact(zone[1..], "hh\\:mm", CultureInfo.InvariantCulture);
        var utc = zone[0] == '+' ? local - offset : local + offset;
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }

    /// <summary>A JSON number as Newtonsoft writes it back: integers unchanged, fractions as the nearest <see cref="double"/> (<c>"R"</c>, always with a decimal point or exponent).</summary>
    private static string Number(JsonElement value)
    {
        var raw = value.GetRawText();
        if (!raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return raw;
        }

        var text = value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?)(?<zone>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDate();
}

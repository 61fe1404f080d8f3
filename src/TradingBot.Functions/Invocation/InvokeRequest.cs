using System.Globalization;
using System.Text.Json;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c>: <c>{"Data":{...},"Metadata":{...}}</c>
/// (functions-custom-handler.md §1.3). Values are decoded exactly as the host encodes them: strings, numbers and
/// booleans arrive JSON-encoded a second time (<c>"DeliveryCount":"1"</c>, <c>"MessageId":"\"abc\""</c>, a Service
/// Bus body as <c>"\"{\\\"id\\\":...}\""</c>); objects (timer info, dictionaries) arrive as objects; dates are re-parsed
/// by the host to whole seconds and may lose their <c>Z</c> (read as UTC).
/// </summary>
public sealed class InvokeRequest
{
    private InvokeRequest(Dictionary<string, JsonElement> data, Dictionary<string, JsonElement> metadata)
    {
        Data = data;
        Metadata = metadata;
    }

    public IReadOnlyDictionary<string, JsonElement> Data { get; }

    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }

    /// <summary>Service Bus delivery count (1 on the first delivery), when the trigger is Service Bus.</summary>
    public int? DeliveryCount =>
        int.TryParse(MetadataText("DeliveryCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>Parses the host payload; anything else is a <see cref="FormatException"/> (not an invocation).</summary>
    public static InvokeRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"An invocation body is a JSON object with Data and Metadata, not {root.ValueKind}.");
        }

        return new InvokeRequest(Section(root, "Data"), Section(root, "Metadata"));
    }

    /// <summary>The decoded text of input binding <paramref name="binding"/> (a Service Bus body), or null when absent.</summary>
    public string? Text(string binding) => Data.TryGetValue(binding, out var value) ? Decode(value) : null;

    /// <summary>The decoded text of metadata entry <paramref name="key"/>, or null when absent (the host omits nulls).</summary>
    public string? MetadataText(string key) => Metadata.TryGetValue(key, out var value) ? Decode(value) : null;

    /// <summary>A metadata time (<c>EnqueuedTimeUtc</c>...), second precision; no offset means UTC.</summary>
    public DateTimeOffset? MetadataTime(string key) => HostTime(MetadataText(key));

    /// <summary>The timer binding's <c>TimerInfo</c> object.</summary>
    public TimerInfo? Timer(string binding)
    {
        if (!Data.TryGetValue(binding, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pastDue = Property(value, "IsPastDue") is { ValueKind: JsonValueKind.True };
        DateTimeOffset? last = null;
        DateTimeOffset? next = null;
        if (Property(value, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } status)
        {
            last = HostTime(Property(status, "Last") is { } l ? Decode(l) : null);
            next = HostTime(Property(status, "Next") is { } n ? Decode(n) : null);
        }

        return new TimerInfo(pastDue, last, next);
    }

    /// <summary>
    /// Undoes the host's extra JSON encoding: a string whose content is itself a JSON string literal is decoded once
    /// more; other strings are returned as they are; objects and arrays as their JSON text; null as null.
    /// </summary>
    public static string? Decode(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        return JsonSerializer.Deserialize(text, InvocationJsonContext.Default.String) ?? text;
                    }
                    catch (JsonException)
                    {
                        return text;
                    }
                }

                return text;
            default:
                return value.GetRawText();
        }
    }

    /// <summary>A time as the host writes it (<c>2026-01-10T12:01:00</c>, sometimes with an offset); no offset = UTC.</summary>
    public static DateTimeOffset? HostTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static Dictionary<string, JsonElement> Section(JsonElement root, string name)
    {
        var section = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (Property(root, name) is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                section[property.Name] = property.Value.Clone();
            }
        }

        return section;
    }
}

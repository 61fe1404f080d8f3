using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradingBot.Testing;

/// <summary>
/// Invocation bodies shaped byte for byte like the Functions host's (functions-custom-handler.md §1.3): top-level
/// <c>Data</c>/<c>Metadata</c>; a Service Bus body (a .NET string) JSON-encoded once more; primitive metadata encoded
/// the same way (<c>"DeliveryCount":"1"</c>, <c>"MessageId":"\"...\""</c>); the body's top-level properties promoted
/// into metadata; dates re-formatted to whole seconds without an offset; <c>sys</c> added; Newtonsoft's compact
/// formatting and escaping (no escaping of <c>+</c>, <c>&lt;</c>, non-ASCII).
/// </summary>
public static class HostPayloads
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>
    /// A <c>serviceBusTrigger</c> invocation (cardinality one, dataType string) delivering <paramref name="body"/>; a null
    /// <paramref name="deliveryCount"/> leaves that metadata out.
    /// </summary>
    public static string ServiceBus(string function, string binding, string body, int? deliveryCount = 1, string? messageId = null,
        DateTimeOffset? enqueued = null, DateTimeOffset? now = null)
    {
        var enqueuedAt = enqueued ?? new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero);
        return Write(writer =>
        {
            writer.WriteStartObject("Data");
            writer.WriteString(binding, Encode(body));
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            if (deliveryCount is { } count)
            {
                writer.WriteString("DeliveryCount", count.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteString("LockToken", Encode(Guid.NewGuid().ToString()));
            writer.WriteString("ExpiresAtUtc", HostTime(enqueuedAt.AddDays(14)));
            writer.WriteString("ExpiresAt", HostTime(enqueuedAt.AddDays(14)) + "+00:00");
            writer.WriteString("EnqueuedTimeUtc", HostTime(enqueuedAt));
            writer.WriteString("EnqueuedTime", HostTime(enqueuedAt) + "+00:00");
            writer.WriteString("MessageId", Encode(messageId ?? Guid.NewGuid().ToString("N")));
            writer.WriteString("ContentType", Encode("application/json"));
            writer.WriteString("SequenceNumber", "42");
            writer.WriteStartObject("ApplicationProperties");
            writer.WriteEndObject();
            writer.WriteStartObject("UserProperties");
            writer.WriteEndObject();
            PromoteProperties(writer, body);
            writer.WriteStartObject("MessageActions");
            writer.WriteEndObject();
            WriteSys(writer, function, now ?? enqueuedAt);
            writer.WriteEndObject();
        });
    }

    /// <summary>A <c>timerTrigger</c> invocation: the <c>TimerInfo</c> object, <c>ScheduleStatus</c> null unless given.</summary>
    public static string Timer(string function, string binding = "timer", bool isPastDue = false, DateTimeOffset? last = null, DateTimeOffset? next = null,
        DateTimeOffset? now = null) => Write(writer =>
        {
            writer.WriteStartObject("Data");
            writer.WriteStartObject(binding);
            writer.WriteStartObject("Schedule");
            writer.WriteBoolean("AdjustForDST", true);
            writer.WriteEndObject();
            if (last is { } l && next is { } n)
            {
                writer.WriteStartObject("ScheduleStatus");
                writer.WriteString("Last", HostTime(l));
                writer.WriteString("Next", HostTime(n));
                writer.WriteString("LastUpdated", HostTime(l));
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("ScheduleStatus");
            }

            writer.WriteBoolean("IsPastDue", isPastDue);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            WriteSys(writer, function, now ?? new DateTimeOffset(2026, 1, 10, 12, 1, 0, TimeSpan.Zero));
            writer.WriteEndObject();
        });

    /// <summary>What <c>JsonConvert.SerializeObject(string)</c> produces: the string as a JSON string literal.</summary>
    public static string Encode(string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A time as the host re-formats it: whole seconds, no offset (<c>2026-01-10T12:01:00</c>).</summary>
    public static string HostTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static void PromoteProperties(Utf8JsonWriter writer, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    property.WriteTo(writer);
                }
                else
                {
                    writer.WriteString(property.Name, property.Value.ValueKind == JsonValueKind.String
                        ? Encode(property.Value.GetString()!)
                        : property.Value.GetRawText());
                }
            }
        }
        catch (JsonException)
        {
            // Not a JSON object: nothing is promoted (the host does the same).
        }
    }

    private static void WriteSys(Utf8JsonWriter writer, string function, DateTimeOffset now)
    {
        writer.WriteStartObject("sys");
        writer.WriteString("MethodName", function);
        writer.WriteString("UtcNow", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("RandGuid", Guid.NewGuid().ToString());
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> content)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            writer.WriteStartObject();
            content(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

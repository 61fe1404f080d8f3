using System.Text;
using System.Text.Json;
using TradingBot.DevHost.ServiceBus;

namespace TradingBot.DevHost.Protocol;

/// <summary>
/// The bodies the Functions host POSTs to <c>/{FunctionName}</c> (functions-custom-handler.md §1.3), byte for byte:
/// top-level <c>Data</c> and <c>Metadata</c>; trigger values encoded by the host's rules (objects as objects; strings,
/// numbers and booleans JSON-encoded into strings; dates at whole seconds); the Service Bus binding data in the 5.x
/// extension's order with null values left out and a JSON body's top-level properties promoted; <c>sys</c> last.
/// </summary>
public static class InvocationPayloads
{
    /// <summary>The host namespace the binding data's client objects name (there is no real namespace locally).</summary>
    public const string LocalNamespace = "devhost.servicebus.local";

    private static readonly string[] SystemKeys =
    [
        "DeliveryCount", "DeadLetterSource", "LockToken", "ExpiresAtUtc", "ExpiresAt", "EnqueuedTimeUtc", "EnqueuedTime", "MessageId", "ContentType",
        "ReplyTo", "SequenceNumber", "To", "Subject", "Label", "CorrelationId", "ApplicationProperties", "UserProperties", "SessionId", "ReplyToSessionId",
        "PartitionKey", "TransactionPartitionKey", "MessageReceiver", "MessageSession", "MessageActions", "SessionActions", "ReceiveActions", "Client", "sys",
    ];

    /// <summary>A <c>serviceBusTrigger</c> invocation (<c>cardinality: one</c>) delivering <paramref name="message"/>.</summary>
    public static string ServiceBus(string function, string binding, bool binary, ReceivedMessage message, DateTimeOffset utcNow, Guid randGuid)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetString(message.Body.Span);
        return HostJson.Write(HostJson.Compact, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Data");
            writer.WriteString(binding, binary ? Convert.ToBase64String(message.Body.Span) : HostJson.Encode(body));
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            writer.WriteString("DeliveryCount", message.DeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Optional(writer, "DeadLetterSource", message.DeadLetterSource);
            writer.WriteString("LockToken", HostJson.Encode(message.LockToken.ToString()));
            if (message.ExpiresAt != DateTimeOffset.MaxValue)
            {
                writer.WriteString("ExpiresAtUtc", HostJson.Seconds(message.ExpiresAt));
                writer.WriteString("ExpiresAt", HostJson.SecondsWithOffset(message.ExpiresAt));
            }

            writer.WriteString("EnqueuedTimeUtc", HostJson.Seconds(message.EnqueuedTime));
            writer.WriteString("EnqueuedTime", HostJson.SecondsWithOffset(message.EnqueuedTime));
            writer.WriteString("MessageId", HostJson.Encode(message.MessageId));
            Optional(writer, "ContentType", message.ContentType);
            Optional(writer, "ReplyTo", message.ReplyTo);
            writer.WriteString("SequenceNumber", message.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Optional(writer, "To", message.To);
            Optional(writer, "Subject", message.Subject);
            Optional(writer, "Label", message.Subject);
            Optional(writer, "CorrelationId", message.CorrelationId);
            Properties(writer, "ApplicationProperties", message.ApplicationProperties);
            Properties(writer, "UserProperties", message.ApplicationProperties);
            Promote(writer, body);
            writer.WriteStartObject("MessageReceiver");
            writer.WriteString("FullyQualifiedNamespace", LocalNamespace);
            writer.WriteString("EntityPath", $"{message.Topic}/Subscriptions/{message.Subscription}");
            writer.WriteNumber("ReceiveMode", 0);
            writer.WriteNumber("PrefetchCount", 0);
            writer.WriteBoolean("IsClosed", false);
            writer.WriteEndObject();
            writer.WriteStartObject("MessageActions");
            writer.WriteEndObject();
            writer.WriteStartObject("ReceiveActions");
            writer.WriteEndObject();
            writer.WriteStartObject("Client");
            writer.WriteString("FullyQualifiedNamespace", LocalNamespace);
            writer.WriteBoolean("IsClosed", false);
            writer.WriteNumber("TransportType", 0);
            writer.WriteEndObject();
            Sys(writer, function, utcNow, randGuid);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>A <c>timerTrigger</c> invocation: the <c>TimerInfo</c> object (<c>ScheduleStatus</c> null without a monitor) and <c>sys</c>.</summary>
    public static string Timer(string function, string binding, bool isPastDue, TimerScheduleStatus? status, DateTimeOffset utcNow, Guid randGuid) =>
        HostJson.Write(HostJson.Compact, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Data");
            writer.WriteStartObject(binding);
            writer.WriteStartObject("Schedule");
            writer.WriteBoolean("AdjustForDST", true);
            writer.WriteEndObject();
            if (status is { } s)
            {
                writer.WriteStartObject("ScheduleStatus");
                writer.WriteString("Last", HostJson.Seconds(s.Last));
                writer.WriteString("Next", HostJson.Seconds(s.Next));
                writer.WriteString("LastUpdated", HostJson.Seconds(s.LastUpdated));
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
            Sys(writer, function, utcNow, randGuid);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>An <c>httpTrigger</c> invocation in payload mode (§1.3.3): the request object, its query/headers/route values as metadata.</summary>
    public static string Http(string function, string binding, HttpRequestData request, DateTimeOffset utcNow, Guid randGuid)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HostJson.Write(HostJson.Compact, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Data");
            writer.WriteStartObject(binding);
            writer.WriteString("Url", request.Url);
            writer.WriteString("Method", request.Method);
            writer.WriteStartObject("Query");
            foreach (var (key, value) in request.Query)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("Headers");
            foreach (var (key, values) in request.Headers)
            {
                writer.WriteStartArray(key);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (request.RouteValues.Count > 0)
            {
                writer.WriteStartObject("Params");
                foreach (var (key, value) in request.RouteValues)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartArray("Identities");
            writer.WriteStartObject();
            writer.WriteString("AuthenticationType", "WebJobsAuthLevel");
            writer.WriteBoolean("IsAuthenticated", request.AuthLevel is not null);
            writer.WriteStartArray("Claims");
            if (request.AuthLevel is { } level)
            {
                writer.WriteStartObject();
                writer.WriteString("Type", "http://schemas.microsoft.com/2017/07/functions/claims/authlevel");
                writer.WriteString("Value", level);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (request.Body is { Length: > 0 } body)
            {
                writer.WriteString("Body", body);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            writer.WriteStartObject("Query");
            foreach (var (key, value) in request.Query)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("Headers");
            foreach (var (key, values) in request.Headers)
            {
                writer.WriteString(key, string.Join(',', values));
            }

            writer.WriteEndObject();
            foreach (var (key, value) in request.Query.Concat(request.RouteValues))
            {
                if (!key.Equals("Query", StringComparison.OrdinalIgnoreCase) && !key.Equals("Headers", StringComparison.OrdinalIgnoreCase))
                {
                    writer.WriteString(key, HostJson.Encode(value));
                }
            }

            if (request.Body is { Length: > 0 } json)
            {
                Promote(writer, json);
            }

            Sys(writer, function, utcNow, randGuid);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static void Optional(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(key, HostJson.Encode(value));
        }
    }

    private static void Properties(Utf8JsonWriter writer, string key, IReadOnlyDictionary<string, object> properties)
    {
        writer.WritePropertyName(key);
        JsonSerializer.Serialize(writer, properties);
    }

    /// <summary>The top-level properties of a JSON object body, encoded like any binding data; a non-object body promotes nothing.</summary>
    private static void Promote(Utf8JsonWriter writer, string body)
    {
        if (body.Length == 0 || body.TrimStart()[0] != '{')
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (SystemKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Object:
                        property.WriteTo(writer);
                        break;
                    case JsonValueKind.String:
                        writer.WriteString(property.Name, HostJson.Encode(property.Value.GetString()!));
                        break;
                    default:
                        writer.WriteString(property.Name, HostJson.Write(HostJson.Compact, w => property.Value.WriteTo(w)));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the host promotes nothing either.
        }
    }

    private static void Sys(Utf8JsonWriter writer, string function, DateTimeOffset utcNow, Guid randGuid)
    {
        writer.WriteStartObject("sys");
        writer.WriteString("MethodName", function);
        writer.WriteString("UtcNow", HostJson.Utc(utcNow));
        writer.WriteString("RandGuid", randGuid.ToString());
        writer.WriteEndObject();
    }
}

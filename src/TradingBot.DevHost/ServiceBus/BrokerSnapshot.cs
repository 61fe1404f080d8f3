using System.Text.Json;
using System.Text.Json.Nodes;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost.ServiceBus;

/// <summary>
/// Saves and restores the broker's messages (active, scheduled and dead-lettered) to a JSON file, so a DevHost
/// restart loses nothing: a real namespace keeps messages across host restarts too. Locks are not kept (a message
/// locked at the time of the snapshot is delivered again, its delivery count kept, as after a lost lock).
/// The file is replaced atomically (write to a temporary file, then rename).
/// </summary>
public static class BrokerSnapshot
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static void Save(ServiceBusEmulator broker, string file)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var state = broker.Export();
        var root = new JsonObject
        {
            ["sequence"] = state.Sequence,
            ["topics"] = new JsonArray([.. state.Topics.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["scheduled"] = new JsonArray([.. t.Scheduled.Select(s => (JsonNode)new JsonObject
                {
                    ["due"] = s.Due, ["ttl"] = s.Ttl.Ticks, ["message"] = Write(s.Message),
                })]),
                ["subscriptions"] = new JsonArray([.. t.Subscriptions.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["active"] = new JsonArray([.. s.Active.Select(m => (JsonNode)Write(m))]),
                    ["deadLetters"] = new JsonArray([.. s.DeadLetters.Select(m => (JsonNode)Write(m))]),
                })]),
            })]),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(Options));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Restores <paramref name="file"/> into <paramref name="broker"/> if it exists; returns (restored, dropped) message counts.</summary>
    public static (int Restored, int Dropped) Load(ServiceBusEmulator broker, string file)
    {
        ArgumentNullException.ThrowIfNull(broker);
        if (!File.Exists(file))
        {
            return (0, 0);
        }

        BrokerState state;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            state = new BrokerState(root["sequence"]!.GetValue<long>(), [.. root["topics"]!.AsArray().Select(t => new TopicState(
                t!["name"]!.GetValue<string>(),
                [.. t["scheduled"]!.AsArray().Select(s => new ScheduledState(Read(s!["message"]!), s["due"]!.GetValue<DateTimeOffset>(),
                    TimeSpan.FromTicks(s["ttl"]!.GetValue<long>())))],
                [.. t["subscriptions"]!.AsArray().Select(s => new SubscriptionState(s!["name"]!.GetValue<string>(),
                    [.. s["active"]!.AsArray().Select(m => Read(m!))], [.. s["deadLetters"]!.AsArray().Select(m => Read(m!))]))]))]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new ConfigurationException($"{file}: the saved Service Bus messages cannot be read ({ex.Message}). Move the file away to start empty.", ex);
        }

        var total = state.Topics.Sum(t => t.Scheduled.Count + t.Subscriptions.Sum(s => s.Active.Count + s.DeadLetters.Count));
        var dropped = broker.Import(state);
        return (total - dropped, dropped);
    }

    private static JsonObject Write(BrokeredMessage m) => new()
    {
        ["seq"] = m.SequenceNumber,
        ["id"] = m.MessageId,
        ["body"] = Convert.ToBase64String(m.Body),
        ["contentType"] = m.ContentType,
        ["correlationId"] = m.CorrelationId,
        ["subject"] = m.Subject,
        ["to"] = m.To,
        ["replyTo"] = m.ReplyTo,
        ["properties"] = JsonSerializer.SerializeToNode(m.ApplicationProperties),
        ["enqueued"] = m.EnqueuedTime,
        ["expires"] = m.ExpiresAt,
        ["deliveryCount"] = m.DeliveryCount,
        ["deadLetterReason"] = m.DeadLetterReason,
        ["deadLetterDescription"] = m.DeadLetterErrorDescription,
        ["deadLetterSource"] = m.DeadLetterSource,
    };

    private static BrokeredMessage Read(JsonNode m) => new()
    {
        SequenceNumber = m["seq"]!.GetValue<long>(),
        MessageId = m["id"]!.GetValue<string>(),
        Body = Convert.FromBase64String(m["body"]!.GetValue<string>()),
        ContentType = m["contentType"]?.GetValue<string>(),
        CorrelationId = m["correlationId"]?.GetValue<string>(),
        Subject = m["subject"]?.GetValue<string>(),
        To = m["to"]?.GetValue<string>(),
        ReplyTo = m["replyTo"]?.GetValue<string>(),
        ApplicationProperties = m["properties"]?.AsObject().ToDictionary(p => p.Key, p => Primitive(p.Value!), StringComparer.Ordinal) ?? [],
        EnqueuedTime = m["enqueued"]!.GetValue<DateTimeOffset>(),
        ExpiresAt = m["expires"]!.GetValue<DateTimeOffset>(),
        DeliveryCount = m["deliveryCount"]!.GetValue<int>(),
        DeadLetterReason = m["deadLetterReason"]?.GetValue<string>(),
        DeadLetterErrorDescription = m["deadLetterDescription"]?.GetValue<string>(),
        DeadLetterSource = m["deadLetterSource"]?.GetValue<string>(),
    };

    private static object Primitive(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.AsValue().TryGetValue<long>(out var integer) => integer,
        JsonValueKind.Number => value.GetValue<double>(),
        _ => value.ToString(),
    };
}

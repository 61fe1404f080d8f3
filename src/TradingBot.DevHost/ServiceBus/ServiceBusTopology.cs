using System.Text.Json;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost.ServiceBus;

/// <summary>
/// The topics and subscriptions of <c>infra/servicebus-topology.json</c> (the file Bicep deploys). Features the
/// emulator does not reproduce (sessions, filter rules) and unknown keys are refused with the file and field, so a
/// setting is never silently ignored.
/// </summary>
public sealed record ServiceBusTopology(IReadOnlyList<TopicDefinition> Topics)
{
    private static readonly string[] TopicKeys = ["name", "subscriptions", "defaultMessageTimeToLive", "requiresDuplicateDetection", "duplicateDetectionHistoryTimeWindow"];

    private static readonly string[] SubscriptionKeys =
        ["name", "lockDuration", "maxDeliveryCount", "defaultMessageTimeToLive", "deadLetteringOnMessageExpiration", "requiresSession"];

    public static ServiceBusTopology Load(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return Parse(document.RootElement, file);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{file}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new ConfigurationException($"{file}: the Service Bus topology file is missing.", ex);
        }
    }

    public static ServiceBusTopology Parse(JsonElement root, string file)
    {
        if (HostSettings.Child(root, "topics") is not { ValueKind: JsonValueKind.Array } topics)
        {
            throw new ConfigurationException($"{file}: 'topics' must be an array.");
        }

        var list = new List<TopicDefinition>();
        var t = 0;
        foreach (var topic in topics.EnumerateArray())
        {
            var where = $"{file}: topics[{t++}]";
            Known(topic, TopicKeys, where);
            var name = Name(topic, where);
            var subscriptions = new List<SubscriptionDefinition>();
            var s = 0;
            foreach (var subscription in HostSettings.Child(topic, "subscriptions")?.EnumerateArray() ?? default)
            {
                var at = $"{where}.subscriptions[{s++}]";
                Known(subscription, SubscriptionKeys, at);
                if (HostSettings.Child(subscription, "requiresSession") is { ValueKind: JsonValueKind.True })
                {
                    throw new ConfigurationException($"{at}: requiresSession is not emulated by the DevHost (TradingBot uses no sessions).");
                }

                var definition = new SubscriptionDefinition(Name(subscription, at));
                definition = definition with
                {
                    LockDuration = Duration(subscription, "lockDuration", at) ?? definition.LockDuration,
                    MaxDeliveryCount = HostSettings.Child(subscription, "maxDeliveryCount") is { ValueKind: JsonValueKind.Number } max
                        ? (max.GetInt32() >= 1 ? max.GetInt32() : throw new ConfigurationException($"{at}.maxDeliveryCount must be at least 1."))
                        : definition.MaxDeliveryCount,
                    DefaultMessageTimeToLive = Duration(subscription, "defaultMessageTimeToLive", at) ?? definition.DefaultMessageTimeToLive,
                    DeadLetteringOnMessageExpiration = HostSettings.Child(subscription, "deadLetteringOnMessageExpiration") is { ValueKind: JsonValueKind.True },
                };
                if (definition.LockDuration > TimeSpan.FromMinutes(5))
                {
                    throw new ConfigurationException($"{at}.lockDuration must be at most PT5M (Service Bus maximum).");
                }

                subscriptions.Add(definition);
            }

            list.Add(new TopicDefinition(name, subscriptions)
            {
                DefaultMessageTimeToLive = Duration(topic, "defaultMessageTimeToLive", where) ?? TimeSpan.MaxValue,
                RequiresDuplicateDetection = HostSettings.Child(topic, "requiresDuplicateDetection") is { ValueKind: JsonValueKind.True },
                DuplicateDetectionWindow = Duration(topic, "duplicateDetectionHistoryTimeWindow", where) ?? TimeSpan.FromMinutes(10),
            });
        }

        var duplicate = list.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? new ServiceBusTopology(list) : throw new ConfigurationException($"{file}: topic '{duplicate.Key}' is declared twice.");
    }

    private static void Known(JsonElement element, string[] keys, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigurationException($"{where}: expected an object.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.StartsWith('$') && !keys.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ConfigurationException($"{where}: '{property.Name}' is not a setting the DevHost knows (known: {string.Join(", ", keys)}).");
            }
        }
    }

    private static string Name(JsonElement element, string where) =>
        HostSettings.Text(element, "name") is { Length: > 0 } name ? name : throw new ConfigurationException($"{where}: 'name' is required.");

    private static TimeSpan? Duration(JsonElement element, string key, string where) =>
        HostSettings.Text(element, key) is { } text ? HostSettings.IsoDuration(where, key, text) : null;
}

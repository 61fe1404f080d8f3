using System.Text.Json.Nodes;
using TradingBot.Infra.Tests.App;
using TradingBot.Infra.Tests.Deployment;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>The namespace has exactly the topics and subscriptions of infra/servicebus-topology.json, which are those the functions use.</summary>
public sealed class ServiceBusTests
{
    private static readonly JsonObject Topology =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "servicebus-topology.json")))!.AsObject();

    private static IEnumerable<(string Topic, JsonObject Subscription)> TopologySubscriptions =>
        Topology["topics"]!.AsArray().SelectMany(t => t!["subscriptions"]!.AsArray().Select(s => (t["name"].Text(), s!.AsObject())));

    private static HashSet<string> Deployed(string type) =>
        [.. Deployment.Deployed.Default.OfType(type).Select(r => r.Name[(r.Name.IndexOf('/', StringComparison.Ordinal) + 1)..])];

    [Fact]
    public void Deploy_EveryTopicAndSubscriptionTheFunctionsUse_Exists()
    {
        var topics = Deployed("Microsoft.ServiceBus/namespaces/topics");
        var subscriptions = Deployed("Microsoft.ServiceBus/namespaces/topics/subscriptions");
        var serviceBus = FunctionApp.Bindings.Where(b => b.IsServiceBus).ToList();

        Assert.NotEmpty(serviceBus);
        Assert.All(serviceBus, b => Assert.True(topics.Contains(b.TopicName!), $"{b}: topic not deployed"));
        Assert.All(serviceBus.Where(b => b.Type == "serviceBusTrigger"),
            b => Assert.True(subscriptions.Contains($"{b.TopicName}/{b.SubscriptionName}"), $"{b}: subscription not deployed"));
    }

    [Fact]
    public void Deploy_TopicsAndSubscriptions_AreExactlyTheTopology()
    {
        Assert.Equal(
            Topology["topics"]!.AsArray().Select(t => t!["name"].Text()).Order(StringComparer.Ordinal),
            Deployed("Microsoft.ServiceBus/namespaces/topics").Order(StringComparer.Ordinal));
        Assert.Equal(
            TopologySubscriptions.Select(s => $"{s.Topic}/{s.Subscription["name"].Text()}").Order(StringComparer.Ordinal),
            Deployed("Microsoft.ServiceBus/namespaces/topics/subscriptions").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deploy_Subscriptions_TakeLockDeliveryCountTtlAndDeadLetteringFromTheTopology()
    {
        foreach (var (topic, expected) in TopologySubscriptions)
        {
            var deployed = Deployment.Deployed.Default.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions")
                .Single(s => s.Name.EndsWith($"/{topic}/{expected["name"].Text()}", StringComparison.Ordinal)).Properties;
            foreach (var property in new[] { "lockDuration", "maxDeliveryCount", "defaultMessageTimeToLive", "deadLetteringOnMessageExpiration" })
            {
                Assert.True(JsonNode.DeepEquals(expected[property], deployed[property]), $"{topic}/{expected["name"]}: {property} {deployed[property]} (topology: {expected[property]})");
            }

            Assert.False(deployed["requiresSession"]!.GetValue<bool>(), "the triggers read without sessions (isSessionsEnabled false)");
        }
    }

    [Fact]
    public void Deploy_Topics_TakeTheirTimeToLiveFromTheTopology()
    {
        foreach (var topic in Topology["topics"]!.AsArray())
        {
            var deployed = Deployment.Deployed.Default.OfType("Microsoft.ServiceBus/namespaces/topics").Single(t => t.ShortName == topic!["name"].Text());
            Assert.Equal(topic!["defaultMessageTimeToLive"].Text(), deployed.Properties["defaultMessageTimeToLive"].Text());
        }
    }

    [Fact]
    public void Triggers_SessionSettings_MatchTheSubscriptions()
    {
        Assert.All(FunctionApp.Bindings.Where(b => b.Type == "serviceBusTrigger"),
            b => Assert.False(b.Binding["isSessionsEnabled"]?.GetValue<bool>() ?? false, $"{b}: sessions need requiresSession subscriptions"));
    }

    [Fact]
    public void Deploy_PipelineMaxDeliveryCount_IsTheSubscriptionsMaxDeliveryCount()
    {
        var counts = TopologySubscriptions.Select(s => s.Subscription["maxDeliveryCount"]!.GetValue<int>()).Distinct().ToList();

        var only = Assert.Single(counts);
        Assert.Equal(only.ToString(System.Globalization.CultureInfo.InvariantCulture), Deployment.Deployed.Default.AppSettings()["Pipeline__MaxDeliveryCount"]);
    }

    [Fact]
    public void Deploy_Namespace_IsStandardAndAcceptsOnlyEntraId()
    {
        var ns = Deployment.Deployed.Default.Namespace();

        Assert.Equal("Standard", ns.Body["sku"]!["name"].Text());
        Assert.True(ns.Properties["disableLocalAuth"]!.GetValue<bool>(), "SAS keys must be disabled");
        Assert.Equal("1.2", ns.Properties["minimumTlsVersion"].Text());
    }
}

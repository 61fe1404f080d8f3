using TradingBot.DevHost.ServiceBus;

namespace TradingBot.DevHost.Tests.ServiceBus;

/// <summary>Small topologies for the conformance tests.</summary>
internal static class Topologies
{
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static ServiceBusTopology One(SubscriptionDefinition subscription, TopicDefinition? topic = null) =>
        new([(topic ?? new TopicDefinition("orders", [])) with { Subscriptions = [subscription] }]);

    public static SubscriptionDefinition Execution(int maxDeliveryCount = 10, TimeSpan? lockDuration = null) =>
        new("execution") { MaxDeliveryCount = maxDeliveryCount, LockDuration = lockDuration ?? TimeSpan.FromMinutes(1) };

    public static OutgoingMessage Body(string text, string? messageId = null) => new(System.Text.Encoding.UTF8.GetBytes(text)) { MessageId = messageId };
}

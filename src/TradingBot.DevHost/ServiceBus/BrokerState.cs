namespace TradingBot.DevHost.ServiceBus;

/// <summary>Everything a broker stores, for persistence between runs.</summary>
internal sealed record BrokerState(long Sequence, IReadOnlyList<TopicState> Topics);

internal sealed record TopicState(string Name, IReadOnlyList<ScheduledState> Scheduled, IReadOnlyList<SubscriptionState> Subscriptions);

internal sealed record ScheduledState(BrokeredMessage Message, DateTimeOffset Due, TimeSpan Ttl);

internal sealed record SubscriptionState(string Name, IReadOnlyList<BrokeredMessage> Active, IReadOnlyList<BrokeredMessage> DeadLetters);

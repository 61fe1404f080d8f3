namespace TradingBot.DevHost.ServiceBus;

/// <summary>A topic subscription's broker settings (infra/servicebus-topology.json; Service Bus defaults where unset).</summary>
public sealed record SubscriptionDefinition(string Name)
{
    /// <summary>How long a received message stays locked to its receiver (Service Bus default 60 s, max 5 min).</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries before the message is dead-lettered with <c>MaxDeliveryCountExceeded</c> (default 10).</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>Cap on a message's time to live in this subscription.</summary>
    public TimeSpan DefaultMessageTimeToLive { get; init; } = TimeSpan.MaxValue;

    /// <summary>Expired messages go to the dead-letter queue (<c>TTLExpiredException</c>) instead of being dropped.</summary>
    public bool DeadLetteringOnMessageExpiration { get; init; }
}

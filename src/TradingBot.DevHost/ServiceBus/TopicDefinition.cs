namespace TradingBot.DevHost.ServiceBus;

/// <summary>A topic with its subscriptions (each gets its own copy of every message).</summary>
public sealed record TopicDefinition(string Name, IReadOnlyList<SubscriptionDefinition> Subscriptions)
{
    public TimeSpan DefaultMessageTimeToLive { get; init; } = TimeSpan.MaxValue;

    /// <summary>Drop a message whose MessageId was already sent within <see cref="DuplicateDetectionWindow"/>.</summary>
    public bool RequiresDuplicateDetection { get; init; }

    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromMinutes(10);
}

namespace TradingBot.DevHost.ServiceBus;

/// <summary>What a receiver sees of one delivery: the message, its broker properties and the lock of this delivery.</summary>
public sealed record ReceivedMessage(string Topic, string Subscription, long SequenceNumber, string MessageId, ReadOnlyMemory<byte> Body)
{
    public string? ContentType { get; init; }

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

    /// <summary>1 on the first delivery; +1 on every abandon or lock expiry.</summary>
    public int DeliveryCount { get; init; }

    public DateTimeOffset EnqueuedTime { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public Guid LockToken { get; init; }

    public DateTimeOffset LockedUntil { get; init; }

    /// <summary>Set on dead-lettered messages.</summary>
    public string? DeadLetterReason { get; init; }

    public string? DeadLetterErrorDescription { get; init; }

    /// <summary>The entity a dead-lettered message came from (<c>topic/Subscriptions/sub</c>).</summary>
    public string? DeadLetterSource { get; init; }
}

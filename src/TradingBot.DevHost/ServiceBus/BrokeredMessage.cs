namespace TradingBot.DevHost.ServiceBus;

/// <summary>A message as a subscription stores it (mutable broker state; guarded by its subscription's lock).</summary>
internal sealed class BrokeredMessage
{
    public required long SequenceNumber { get; set; }

    public required string MessageId { get; init; }

    public required byte[] Body { get; init; }

    public string? ContentType { get; init; }

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public Dictionary<string, object> ApplicationProperties { get; init; } = new(StringComparer.Ordinal);

    public DateTimeOffset EnqueuedTime { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int DeliveryCount { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public string? DeadLetterReason { get; set; }

    public string? DeadLetterErrorDescription { get; set; }

    public string? DeadLetterSource { get; set; }

    public BrokeredMessage Copy() => new()
    {
        SequenceNumber = SequenceNumber,
        MessageId = MessageId,
        Body = Body,
        ContentType = ContentType,
        CorrelationId = CorrelationId,
        Subject = Subject,
        To = To,
        ReplyTo = ReplyTo,
        ApplicationProperties = new Dictionary<string, object>(ApplicationProperties, StringComparer.Ordinal),
        EnqueuedTime = EnqueuedTime,
        ExpiresAt = ExpiresAt,
        DeliveryCount = DeliveryCount,
        DeadLetterReason = DeadLetterReason,
        DeadLetterErrorDescription = DeadLetterErrorDescription,
        DeadLetterSource = DeadLetterSource,
    };

    public ReceivedMessage View(string topic, string subscription) => new(topic, subscription, SequenceNumber, MessageId, Body)
    {
        ContentType = ContentType,
        CorrelationId = CorrelationId,
        Subject = Subject,
        To = To,
        ReplyTo = ReplyTo,
        ApplicationProperties = new Dictionary<string, object>(ApplicationProperties, StringComparer.Ordinal),
        DeliveryCount = DeliveryCount,
        EnqueuedTime = EnqueuedTime,
        ExpiresAt = ExpiresAt,
        LockToken = LockToken ?? Guid.Empty,
        LockedUntil = LockedUntil,
        DeadLetterReason = DeadLetterReason,
        DeadLetterErrorDescription = DeadLetterErrorDescription,
        DeadLetterSource = DeadLetterSource,
    };
}

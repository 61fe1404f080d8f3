namespace TradingBot.DevHost.ServiceBus;

/// <summary>A message to send: the body and the properties a sender may set (§1.9). An output binding sets the body only.</summary>
public sealed record OutgoingMessage(ReadOnlyMemory<byte> Body)
{
    /// <summary>Set by the sender; the broker assigns a random one when null (as the SDK does).</summary>
    public string? MessageId { get; init; }

    public string? ContentType { get; init; }

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

    /// <summary>Capped by the topic's and subscription's default time to live.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The message stays invisible until then (a scheduled message).</summary>
    public DateTimeOffset? ScheduledEnqueueTime { get; init; }
}

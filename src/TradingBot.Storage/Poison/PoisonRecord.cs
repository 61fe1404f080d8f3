namespace TradingBot.Storage.Poison;

/// <summary>
/// A message a function could not and will never be able to process, answered 2xx so it does not loop: why
/// (<see cref="Reason"/>), what (<see cref="Body"/>, truncated), and the delivery facts.
/// </summary>
public sealed record PoisonRecord(string Function, string Key, string Reason, string Body, DateTimeOffset RecordedAt)
{
    public string? MessageId { get; init; }

    public string? CorrelationId { get; init; }

    public string? ServiceBusMessageId { get; init; }

    public int? DeliveryCount { get; init; }

    public string? InvocationId { get; init; }
}

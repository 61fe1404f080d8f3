namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A message a function recorded as unprocessable (instead of dead-lettering it): the reason names the field, the
/// body is the message as delivered (at most 30,000 characters of <see cref="BodyLength"/>).
/// </summary>
public sealed record PoisonView(
    string Function,
    string Key,
    string Reason,
    string Body,
    int BodyLength,
    DateTimeOffset RecordedAt,
    string? MessageId,
    string? CorrelationId,
    int? DeliveryCount);

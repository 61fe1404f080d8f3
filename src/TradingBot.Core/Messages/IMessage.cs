namespace TradingBot.Core.Messages;

/// <summary>
/// The envelope every pipeline message carries in its JSON body (Service Bus output bindings send the body only, so
/// the body is the envelope). Ids are deterministic from the cause, so a redelivered message reproduces the same ids.
/// </summary>
public interface IMessage
{
    /// <summary>Deterministic id of this fact (see <see cref="MessageIds"/>).</summary>
    string Id { get; }

    /// <summary>Id of the message (or candle) that directly caused this one.</summary>
    string CausationId { get; }

    /// <summary>Id of the root of the chain (the candle that started it); constant along candle → signal → order → fill.</summary>
    string CorrelationId { get; }

    /// <summary>When the fact happened (UTC; written as ISO-8601 with <c>Z</c>).</summary>
    DateTimeOffset At { get; }

    /// <summary>The message type and version, e.g. <c>tradingbot.order-approved.v1</c>.</summary>
    string Schema { get; }

    /// <summary>Why this message is not acceptable (a field and the reason), or <see langword="null"/> when it is.</summary>
    string? Validate();
}

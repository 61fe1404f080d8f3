using System.Text.Json;

namespace TradingBot.Functions.Invocation;

/// <summary>The envelope fields of a message body, read leniently before the message is validated (for logging scopes and poison records).</summary>
public sealed record MessageEnvelope(string? Id, string? CorrelationId, string? CausationId, string? Schema)
{
    public static MessageEnvelope None { get; } = new(null, null, null, null);

    public static MessageEnvelope Peek(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new MessageEnvelope(Text(root, "id"), Text(root, "correlationId"), Text(root, "causationId"), Text(root, "schema"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

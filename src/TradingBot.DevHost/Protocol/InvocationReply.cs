using System.Text;
using System.Text.Json;

namespace TradingBot.DevHost.Protocol;

/// <summary>
/// The handler's reply to an invocation, read as the host reads it (§1.4): 2xx JSON <c>{"Outputs":{...},"Logs":[...],
/// "ReturnValue":...}</c>, property names case-insensitive, output binding names matched exactly. Anything else fails
/// the invocation.
/// </summary>
public sealed record InvocationReply(IReadOnlyDictionary<string, JsonElement> Outputs, IReadOnlyList<string> Logs, JsonElement? ReturnValue)
{
    public static InvocationReply Parse(int statusCode, string body)
    {
        if (statusCode is < 200 or > 299)
        {
            throw new InvocationFailedException($"the handler answered {statusCode}{Excerpt(body)}") { StatusCode = statusCode };
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvocationFailedException(
                $"the handler answered {statusCode} with an empty body (the Functions host would wait until functionTimeout: always answer at least {{}})")
            { StatusCode = statusCode };
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvocationFailedException($"the handler's reply is not a JSON object{Excerpt(body)}") { StatusCode = statusCode };
            }

            var outputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var logs = new List<string>();
            JsonElement? returnValue = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("Outputs") || property.Name.Equals("outputs", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var output in property.Value.EnumerateObject())
                        {
                            outputs[output.Name] = output.Value.Clone();
                        }
                    }
                }
                else if (property.Name.Equals("Logs", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    logs.AddRange(property.Value.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : l.GetRawText()));
                }
                else if (property.Name.Equals("ReturnValue", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    returnValue = property.Value.Clone();
                }
            }

            return new InvocationReply(outputs, logs, returnValue);
        }
        catch (JsonException ex)
        {
            throw new InvocationFailedException($"Invalid HttpResponseMessage: the handler's reply is not JSON ({ex.Message})", ex) { StatusCode = statusCode };
        }
    }

    /// <summary>
    /// The message bodies an output value becomes (§1.4): an array gives one message per element (each element's
    /// <c>ToString()</c>: indented JSON for objects, raw text for strings, never base64-decoded); a string is
    /// base64-decoded when it is valid base64 (unless the binding is binary, where it must be), else parsed as JSON when
    /// it is JSON (an array string gives several messages), else sent as text; an object gives one indented JSON body.
    /// </summary>
    public static IReadOnlyList<byte[]> Messages(JsonElement value, bool binary)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return [];
            case JsonValueKind.Array:
                return [.. value.EnumerateArray().Select(item => Encoding.UTF8.GetBytes(HostJson.ItemText(item)))];
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (TryBase64(text, out var bytes))
                {
                    return [bytes];
                }

                if (binary)
                {
                    throw new InvocationFailedException($"the output of a binary binding is not base64: '{Truncate(text)}'");
                }

                if (text.TrimStart() is ['[', ..] or ['{', ..])
                {
                    try
                    {
                        using var document = JsonDocument.Parse(text);
                        return Messages(document.RootElement.Clone(), binary: false);
                    }
                    catch (JsonException)
                    {
                        // Not JSON: sent as text.
                    }
                }

                return [Encoding.UTF8.GetBytes(text)];
            default:
                return [Encoding.UTF8.GetBytes(HostJson.ItemText(value))];
        }
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static string Excerpt(string body) => string.IsNullOrWhiteSpace(body) ? "" : $": {Truncate(body)}";

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

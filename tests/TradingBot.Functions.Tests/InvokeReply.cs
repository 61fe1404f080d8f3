using System.Net;
using System.Text.Json;
using TradingBot.Core.Messages;

namespace TradingBot.Functions.Tests;

/// <summary>The handler's answer to one invocation, as the host reads it.</summary>
public sealed record InvokeReply(HttpStatusCode Status, string ContentType, JsonElement Body)
{
    public JsonElement Outputs => Body.GetProperty(nameof(Outputs));

    public IReadOnlyList<string> Logs => [.. Body.GetProperty(nameof(Logs)).EnumerateArray().Select(l => l.GetString()!)];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The body of every message of output binding <paramref name="binding"/> as the host sends it on: each array
    /// element becomes one message whose body is the element's indented JSON text (Newtonsoft's <c>JObject.ToString()</c>).
    /// </summary>
    public IReadOnlyList<string> Bodies(string binding) =>
        Outputs.TryGetProperty(binding, out var items) ? [.. items.EnumerateArray().Select(e => JsonSerializer.Serialize(e, Indented))] : [];

    public IReadOnlyList<T> Messages<T>(string binding)
        where T : IMessage => [.. Bodies(binding).Where(b => MessageJson.PeekSchema(b) == MessageJson.SchemaOf<T>()).Select(MessageJson.Deserialize<T>)];
}

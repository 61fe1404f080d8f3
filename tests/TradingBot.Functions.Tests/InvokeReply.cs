using System.Net;
using System.Text.Json;
using TradingBot.Core.Messages;

namespace TradingBot.Functions.Tests;

/// <summary>The handler's answer to one invocation, as the host reads it.</summary>
public sealed record InvokeReply(HttpStatusCode Status, string ContentType, JsonElement Body)
{
    public JsonElement Outputs => Body.GetProperty(nameof(Outputs));

    public IReadOnlyList<string> Logs => [.. Body.GetProperty(nameof(Logs)).EnumerateArray().Select(l => l.GetString()!)];

    /// <summary>The raw JSON text of every message of output binding <paramref name="binding"/> (what the host would send on).</summary>
    public IReadOnlyList<string> Bodies(string binding) =>
        Outputs.TryGetProperty(binding, out var items) ? [.. items.EnumerateArray().Select(e => e.GetRawText())] : [];

    public IReadOnlyList<T> Messages<T>(string binding)
        where T : IMessage => [.. Bodies(binding).Where(b => MessageJson.PeekSchema(b) == MessageJson.SchemaOf<T>()).Select(MessageJson.Deserialize<T>)];
}

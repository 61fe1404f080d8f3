using System.Text.Json;

namespace TradingBot.DevHost.Configuration;

/// <summary>One binding of a function.json, its string properties with <c>%Setting%</c> already resolved.</summary>
public sealed record BindingDefinition(string Type, string Direction, string Name, IReadOnlyDictionary<string, JsonElement> Properties)
{
    public bool IsTrigger => Direction == "in" && Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool IsOutput => Direction == "out";

    /// <summary>A string property (case-insensitive name), or null.</summary>
    public string? Text(string property) =>
        Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Flag(string property, bool fallback) =>
        Properties.TryGetValue(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => fallback,
        } : fallback;

    /// <summary>The <c>methods</c> of an HTTP trigger (upper case); empty = every method.</summary>
    public IReadOnlyList<string> Methods =>
        Properties.TryGetValue("methods", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(m => (m.GetString() ?? "").ToUpperInvariant())]
            : [];

    /// <summary><c>"dataType": "binary"</c>: a trigger's body arrives base64-encoded; an output's string value must be base64 (it is decoded to bytes).</summary>
    public bool IsBinary => string.Equals(Text("dataType"), "binary", StringComparison.OrdinalIgnoreCase);
}

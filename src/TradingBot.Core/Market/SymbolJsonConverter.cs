using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Core.Market;

/// <summary>Writes a <see cref="Symbol"/> as its unified string (<c>BTC/USDT</c>) and reads it back, rejecting anything else.</summary>
public sealed class SymbolJsonConverter : JsonConverter<Symbol>
{
    public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Symbol.TryParse(text, out var symbol) ? symbol : throw new JsonException($"'{text}' is not a symbol; expected BASE/QUOTE.");
    }

    public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    /// <summary>Symbols as dictionary keys (<c>{"BTC/USDT": ...}</c>), e.g. in the risk state.</summary>
    public override Symbol ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Symbol.TryParse(text, out var symbol) ? symbol : throw new JsonException($"'{text}' is not a symbol; expected BASE/QUOTE.");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}

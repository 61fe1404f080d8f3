using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// The one JSON contract of pipeline messages: camelCase fields, money and quantities as JSON <b>strings</b> (the
/// Functions host re-parses JSON numbers as doubles), timestamps as UTC ISO-8601 with <c>Z</c>, enums as kebab-case
/// strings, symbols as <c>BTC/USDT</c>, timeframes as <c>1m</c>. Reading is strict: a number where a decimal string
/// belongs, a missing required field or a wrong schema is a <see cref="MessageFormatException"/>.
/// </summary>
public static class MessageJson
{
    private static readonly Dictionary<Type, string> Schemas = new()
    {
        [typeof(CandleClosed)] = CandleClosed.SchemaName,
        [typeof(SignalRaised)] = SignalRaised.SchemaName,
        [typeof(OrderApproved)] = OrderApproved.SchemaName,
        [typeof(OrderFilled)] = OrderFilled.SchemaName,
        [typeof(OrderUpdated)] = OrderUpdated.SchemaName,
    };

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The schema name of message type <typeparamref name="T"/>.</summary>
    public static string SchemaOf<T>()
        where T : IMessage => Schemas[typeof(T)];

    public static string Serialize<T>(T message)
        where T : IMessage => JsonSerializer.Serialize(message, JsonContracts.Of<T>(Options));

    /// <summary>
    /// The message as a JSON element (what a function returns as an output binding value: an object, never a string),
    /// by its run-time type's contract.
    /// </summary>
    public static JsonElement ToElement(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToElement(message, Options.GetTypeInfo(message.GetType()));
    }

    /// <summary>Messages as one JSON array (the inbox's record of what a function published).</summary>
    public static string SerializeMany<T>(IEnumerable<T> messages)
        where T : IMessage => JsonSerializer.Serialize(messages.ToList(), JsonContracts.Of<List<T>>(Options));

    /// <summary>Reads an array written by <see cref="SerializeMany{T}"/>, validating every element.</summary>
    public static IReadOnlyList<T> DeserializeMany<T>(string json)
        where T : IMessage
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray().Select(e => Deserialize<T>(e.GetRawText()))]
            : throw new MessageFormatException("Expected a JSON array of messages.");
    }

    /// <summary>The <c>schema</c> field of a body, or null when the body is not a JSON object with one.</summary>
    public static string? PeekSchema(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var schema)
                && schema.ValueKind == JsonValueKind.String
                    ? schema.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses and validates a message of type <typeparamref name="T"/>; any problem is a <see cref="MessageFormatException"/>.</summary>
    public static T Deserialize<T>(string json)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(json);
        var expected = SchemaOf<T>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new MessageFormatException($"The body is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MessageFormatException($"The body must be a JSON object, not {root.ValueKind}.");
            }

            if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            {
                throw new MessageFormatException($"schema: missing; expected \"{expected}\".");
            }

            if (!string.Equals(schema.GetString(), expected, StringComparison.Ordinal))
            {
                throw new MessageFormatException($"schema: \"{schema.GetString()}\" is not \"{expected}\".");
            }

            T? message;
            try
            {
                message = root.Deserialize(JsonContracts.Of<T>(Options));
            }
            catch (JsonException ex)
            {
                throw new MessageFormatException($"{Field(ex.Path)}: {ex.Message}", ex);
            }
            catch (FormatException ex)
            {
                throw new MessageFormatException(ex.Message, ex);
            }
            catch (ArgumentException ex)
            {
                throw new MessageFormatException(ex.Message, ex);
            }

            if (message is null)
            {
                throw new MessageFormatException("The body is null.");
            }

            var error = message.Validate();
            return error is null ? message : throw new MessageFormatException(error);
        }
    }

    private static string Field(string? path) => string.IsNullOrEmpty(path) ? "body" : path.TrimStart('$', '.');

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = MessageJsonContext.Default,
        };
        options.Converters.Add(new DecimalStringConverter());
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new SymbolJsonConverter());
        options.Converters.Add(new TimeframeConverter());
        foreach (var converter in JsonContracts.DomainEnums(JsonNamingPolicy.KebabCaseLower))
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }

    /// <summary>Decimals travel as invariant strings; a JSON number is refused (it may have been through a double).</summary>
    private sealed class DecimalStringConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"a decimal must be a JSON string such as \"97000.1\", not {reader.TokenType}.");
            }

            var text = reader.GetString();
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new JsonException($"\"{text}\" is not a decimal number.");
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Precision.ToWire(value));
    }

    /// <summary>Timestamps are written as UTC with <c>Z</c>; read with an explicit offset (or Z) and normalised to UTC.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                || !(text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
            {
                throw new JsonException($"\"{text}\" is not an ISO-8601 timestamp with a UTC offset (e.g. 2026-01-10T12:00:00Z).");
            }

            return value.ToUniversalTime();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value));

        private static bool HasOffset(string text)
        {
            var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
            return t > 0 && text.AsSpan(t).IndexOfAny('+', '-') > 0;
        }
    }

    /// <summary><c>2026-01-10T12:00:00Z</c>, fractional seconds only when present.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private sealed class TimeframeConverter : JsonConverter<Timeframe>
    {
        public override Timeframe Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return reader.TokenType == JsonTokenType.String
                    ? Timeframe.Parse(reader.GetString()!)
                    : throw new JsonException("a timeframe must be a string such as \"1m\".");
            }
            catch (FormatException ex)
            {
                throw new JsonException(ex.Message, ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, Timeframe value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}

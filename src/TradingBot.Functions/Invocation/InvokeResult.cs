using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Core.Json;
using TradingBot.Core.Messages;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// The handler's answer to the host: <c>{"Outputs":{...},"Logs":[...],"ReturnValue":null}</c>, PascalCase, output
/// binding names as given (never rewritten by a naming policy). Output values are JSON objects or arrays of objects,
/// never bare strings (the host would base64-decode a string that happens to be valid base64).
/// </summary>
public sealed class InvokeResult
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = InvocationJsonContext.Default,
    };

    public Dictionary<string, JsonElement> Outputs { get; } = new(StringComparer.Ordinal);

    public List<string> Logs { get; } = [];

    public JsonElement? ReturnValue { get; init; }

    /// <summary>Adds <paramref name="messages"/> to output binding <paramref name="binding"/> (one Service Bus message each); nothing when empty.</summary>
    public InvokeResult WithMessages(string binding, IEnumerable<IMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var items = messages.Select(MessageJson.ToElement).ToList();
        if (items.Count > 0)
        {
            Outputs[binding] = JsonSerializer.SerializeToElement(items, InvocationJsonContext.Default.ListJsonElement);
        }

        return this;
    }

    public InvokeResult Log(string line)
    {
        Logs.Add(line);
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonContracts.Of<InvokeResult>(Json));
}

/// <summary>The generated contracts of the host protocol's own JSON (<see cref="InvokeResult"/>, <see cref="InvokeRequest"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(InvokeResult))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(string))]
internal sealed partial class InvocationJsonContext : JsonSerializerContext;

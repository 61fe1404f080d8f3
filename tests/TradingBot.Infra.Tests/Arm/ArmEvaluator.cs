using System.Globalization;
using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>Evaluates template values and expressions the way Azure Resource Manager does, for the functions Bicep emits.</summary>
internal sealed class ArmEvaluator
{
    /// <summary>Evaluates a template value: expression strings are evaluated, objects and arrays element by element.</summary>
    public JsonNode? EvaluateValue(JsonNode? value, ArmFrame frame)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var text):
                return ArmExpressionParser.IsExpression(text)
                    ? Evaluate(ArmExpressionParser.Parse(text), frame)
                    : JsonValue.Create(ArmExpressionParser.Unescape(text));
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, child) in o)
                {
                    if (key == "copy")
                    {
                        throw new ArmTemplateException("Property and variable copy loops are not simulated: use map() in Bicep.");
                    }

                    var name = ArmExpressionParser.IsExpression(key) ? Text(Evaluate(ArmExpressionParser.Parse(key), frame), key) : key;
                    result[name] = EvaluateValue(child, frame);
                }

                return result;
            case JsonArray a:
                return new JsonArray([.. a.Select(item => EvaluateValue(item, frame))]);
            default:
                return value?.DeepClone();
        }
    }

    public JsonNode? Evaluate(ArmSyntax syntax, ArmFrame frame) => syntax switch
    {
        ArmLiteral literal => literal.Value?.DeepClone(),
        ArmCall call => ArmFunctions.Invoke(this, frame, call),
        ArmMember member => Member(Evaluate(member.Target, frame), member.Name),
        ArmIndex index => Index(Evaluate(index.Target, frame), Evaluate(index.Index, frame)),
        _ => throw new ArmTemplateException($"Unknown syntax {syntax}"),
    };

    public static JsonNode? Member(JsonNode? target, string name)
    {
        if (ArmRuntimeValue.Is(target))
        {
            return ArmRuntimeValue.Member(target!, "." + name);
        }

        if (target is not JsonObject o)
        {
            throw new ArmTemplateException($"Cannot read property '{name}' of {Describe(target)}");
        }

        var match = o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return match.Key is not null
            ? match.Value?.DeepClone()
            : throw new ArmTemplateException($"Property '{name}' does not exist in {Describe(target)}");
    }

    public static JsonNode? Index(JsonNode? target, JsonNode? index)
    {
        if (ArmRuntimeValue.Is(target))
        {
            return ArmRuntimeValue.Member(target!, $"[{index?.ToJsonString()}]");
        }

        return target switch
        {
            JsonArray a when index is JsonValue i && i.TryGetValue<long>(out var n) => n >= 0 && n < a.Count
                ? a[(int)n]?.DeepClone()
                : throw new ArmTemplateException($"Index {n} is outside {Describe(target)}"),
            JsonObject when index is JsonValue k && k.TryGetValue<string>(out var key) => Member(target, key),
            _ => throw new ArmTemplateException($"Cannot index {Describe(target)} with {Describe(index)}"),
        };
    }

    /// <summary>Evaluates argument <paramref name="i"/> of a call.</summary>
    public JsonNode? Argument(ArmFrame frame, ArmCall call, int i) =>
        i < call.Arguments.Count
            ? Evaluate(call.Arguments[i], frame)
            : throw new ArmTemplateException($"{call.Name}() needs at least {i + 1} arguments");

    /// <summary>Argument <paramref name="i"/> as a lambda (a literal <c>lambda(...)</c> call).</summary>
    public static ArmLambda Lambda(ArmFrame frame, ArmCall call, int i)
    {
        if (i >= call.Arguments.Count || call.Arguments[i] is not ArmCall { Name: var name } lambda
            || !string.Equals(name, "lambda", StringComparison.OrdinalIgnoreCase) || lambda.Arguments.Count < 2)
        {
            throw new ArmTemplateException($"{call.Name}() argument {i + 1} must be a lambda");
        }

        var parameters = lambda.Arguments.Take(lambda.Arguments.Count - 1)
            .Select(a => a is ArmLiteral { Value: JsonValue v } && v.TryGetValue<string>(out var s)
                ? s
                : throw new ArmTemplateException("lambda parameter names must be string literals"))
            .ToList();
        return new ArmLambda(parameters, lambda.Arguments[^1], frame);
    }

    public static string Text(JsonNode? value, string what) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ArmTemplateException($"{what}: a string expected, got {Describe(value)}");

    public static long Integer(JsonNode? value, string what) =>
        value is JsonValue v && v.TryGetValue<long>(out var n) ? n : throw new ArmTemplateException($"{what}: an integer expected, got {Describe(value)}");

    public static bool Boolean(JsonNode? value, string what) =>
        value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new ArmTemplateException($"{what}: a bool expected, got {Describe(value)}");

    public static JsonArray Array(JsonNode? value, string what) =>
        value as JsonArray ?? throw new ArmTemplateException($"{what}: an array expected, got {Describe(value)}");

    public static JsonObject Object(JsonNode? value, string what) =>
        value as JsonObject ?? throw new ArmTemplateException($"{what}: an object expected, got {Describe(value)}");

    /// <summary>What <c>string()</c> and <c>format()</c> make of a value.</summary>
    public static string ToText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    public static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "..." : text;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>
/// The ARM template functions the simulator knows (those Bicep emits for our templates, and their close relatives).
/// Deployment-time facts come from the <see cref="ArmDeploymentContext"/>; properties of deployed resources
/// (<c>reference()</c>, <c>list*()</c>) become <see cref="ArmRuntimeValue"/>s. An unknown function fails the evaluation.
/// </summary>
internal static class ArmFunctions
{
    private delegate JsonNode? Function(ArmEvaluator evaluator, ArmFrame frame, ArmCall call);

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        // Template and deployment
        ["parameters"] = (e, f, c) => f.Template.Parameter(ArmEvaluator.Text(e.Argument(f, c, 0), "parameters()")),
        ["variables"] = (e, f, c) => f.Template.Variable(ArmEvaluator.Text(e.Argument(f, c, 0), "variables()"), e),
        ["copyIndex"] = CopyIndex,
        ["lambdaVariables"] = (e, f, c) => f.LambdaVariables.TryGetValue(ArmEvaluator.Text(e.Argument(f, c, 0), "lambdaVariables()"), out var v)
            ? v?.DeepClone()
            : throw new ArmTemplateException($"lambda variable {e.Argument(f, c, 0)} is not in scope"),
        ["subscription"] = (_, f, _) => new JsonObject
        {
            ["id"] = f.Template.Context.SubscriptionResourceId,
            ["subscriptionId"] = f.Template.Context.SubscriptionId,
            ["tenantId"] = f.Template.Context.TenantId,
            ["displayName"] = "simulated subscription",
        },
        ["tenant"] = (_, f, _) => new JsonObject { ["tenantId"] = f.Template.Context.TenantId },
        ["resourceGroup"] = (_, f, _) => new JsonObject
        {
            ["id"] = f.Template.Context.ResourceGroupId,
            ["name"] = f.Template.Context.ResourceGroup,
            ["location"] = f.Template.Context.Location,
        },
        ["deployment"] = (_, f, _) => new JsonObject { ["name"] = f.Template.Context.DeploymentName, ["location"] = f.Template.Context.Location },
        ["environment"] = (_, _, _) => new JsonObject
        {
            ["name"] = "AzureCloud",
            ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" },
            ["authentication"] = new JsonObject { ["loginEndpoint"] = "https://login.microsoftonline.com/" },
        },
        ["reference"] = Reference,

        // Resource ids
        ["resourceId"] = (e, f, c) => ResourceId(e, f, c, f.Template.Context.ScopeId, allowScopeArguments: true),
        ["subscriptionResourceId"] = (e, f, c) => ResourceId(e, f, c, f.Template.Context.SubscriptionResourceId, allowScopeArguments: true),
        ["tenantResourceId"] = (e, f, c) => ResourceId(e, f, c, "", allowScopeArguments: false),
        ["extensionResourceId"] = (e, f, c) => JsonValue.Create(ResourceIdFrom(ArmEvaluator.Text(e.Argument(f, c, 0), "extensionResourceId()"),
            [.. c.Arguments.Skip(1).Select(a => ArmEvaluator.Text(e.Evaluate(a, f), "extensionResourceId()"))])),
        ["guid"] = (e, f, c) => JsonValue.Create(Guid(Texts(e, f, c)).ToString()),
        ["uniqueString"] = (e, f, c) => JsonValue.Create(UniqueString(Texts(e, f, c))),

        // Logic
        ["if"] = (e, f, c) => ArmEvaluator.Boolean(e.Argument(f, c, 0), "if()") ? e.Argument(f, c, 1) : e.Argument(f, c, 2),
        ["equals"] = (e, f, c) => JsonValue.Create(JsonNode.DeepEquals(e.Argument(f, c, 0), e.Argument(f, c, 1))),
        ["not"] = (e, f, c) => JsonValue.Create(!ArmEvaluator.Boolean(e.Argument(f, c, 0), "not()")),
        ["and"] = (e, f, c) => JsonValue.Create(c.Arguments.All(a => ArmEvaluator.Boolean(e.Evaluate(a, f), "and()"))),
        ["or"] = (e, f, c) => JsonValue.Create(c.Arguments.Any(a => ArmEvaluator.Boolean(e.Evaluate(a, f), "or()"))),
        ["true"] = (_, _, _) => JsonValue.Create(true),
        ["false"] = (_, _, _) => JsonValue.Create(false),
        ["null"] = (_, _, _) => null,
        ["coalesce"] = (e, f, c) => c.Arguments.Select(a => e.Evaluate(a, f)).FirstOrDefault(v => v is not null),
        ["empty"] = (e, f, c) => JsonValue.Create(e.Argument(f, c, 0) switch
        {
            null => true,
            JsonArray a => a.Count == 0,
            JsonObject o => o.Count == 0,
            var v => ArmEvaluator.ToText(v).Length == 0,
        }),
        ["greater"] = (e, f, c) => JsonValue.Create(Compare(e, f, c) > 0),
        ["greaterOrEquals"] = (e, f, c) => JsonValue.Create(Compare(e, f, c) >= 0),
        ["less"] = (e, f, c) => JsonValue.Create(Compare(e, f, c) < 0),
        ["lessOrEquals"] = (e, f, c) => JsonValue.Create(Compare(e, f, c) <= 0),

        // Construction and conversion
        ["createArray"] = (e, f, c) => new JsonArray([.. c.Arguments.Select(a => e.Evaluate(a, f))]),
        ["createObject"] = CreateObject,
        ["array"] = (e, f, c) => e.Argument(f, c, 0) is JsonArray a ? a : new JsonArray(e.Argument(f, c, 0)),
        ["string"] = (e, f, c) => JsonValue.Create(ArmEvaluator.ToText(e.Argument(f, c, 0))),
        ["int"] = (e, f, c) => JsonValue.Create(long.Parse(ArmEvaluator.ToText(e.Argument(f, c, 0)), CultureInfo.InvariantCulture)),
        ["bool"] = (e, f, c) => JsonValue.Create(bool.Parse(ArmEvaluator.ToText(e.Argument(f, c, 0)))),
        ["json"] = (e, f, c) => JsonNode.Parse(ArmEvaluator.Text(e.Argument(f, c, 0), "json()")),
        ["tryGet"] = TryGet,
        ["items"] = (e, f, c) => new JsonArray([.. ArmEvaluator.Object(e.Argument(f, c, 0), "items()")
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]),
        ["objectKeys"] = (e, f, c) => new JsonArray([.. ArmEvaluator.Object(e.Argument(f, c, 0), "objectKeys()").Select(p => JsonValue.Create(p.Key))]),
        ["union"] = (e, f, c) => c.Arguments.Select(a => e.Evaluate(a, f)).Aggregate(Union),

        // Strings
        ["format"] = Format,
        ["concat"] = Concat,
        ["toLower"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "toLower()").ToLowerInvariant()),
        ["toUpper"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "toUpper()").ToUpperInvariant()),
        ["trim"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "trim()").Trim()),
        ["replace"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "replace()")
            .Replace(ArmEvaluator.Text(e.Argument(f, c, 1), "replace()"), ArmEvaluator.Text(e.Argument(f, c, 2), "replace()"), StringComparison.Ordinal)),
        ["split"] = Split,
        ["startsWith"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "startsWith()")
            .StartsWith(ArmEvaluator.Text(e.Argument(f, c, 1), "startsWith()"), StringComparison.OrdinalIgnoreCase)),
        ["endsWith"] = (e, f, c) => JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "endsWith()")
            .EndsWith(ArmEvaluator.Text(e.Argument(f, c, 1), "endsWith()"), StringComparison.OrdinalIgnoreCase)),
        ["substring"] = Substring,
        ["join"] = (e, f, c) => JsonValue.Create(string.Join(ArmEvaluator.Text(e.Argument(f, c, 1), "join()"),
            ArmEvaluator.Array(e.Argument(f, c, 0), "join()").Select(ArmEvaluator.ToText))),

        // Arrays
        ["length"] = (e, f, c) => JsonValue.Create((long)(e.Argument(f, c, 0) switch
        {
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            var v => ArmEvaluator.Text(v, "length()").Length,
        })),
        ["contains"] = Contains,
        ["first"] = (e, f, c) => e.Argument(f, c, 0) is JsonArray a ? a.FirstOrDefault()?.DeepClone() : JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "first()")[..1]),
        ["last"] = (e, f, c) => e.Argument(f, c, 0) is JsonArray a ? a.LastOrDefault()?.DeepClone() : JsonValue.Create(ArmEvaluator.Text(e.Argument(f, c, 0), "last()")[^1..]),
        ["take"] = (e, f, c) => Slice(e.Argument(f, c, 0), 0, ArmEvaluator.Integer(e.Argument(f, c, 1), "take()")),
        ["skip"] = (e, f, c) => Slice(e.Argument(f, c, 0), ArmEvaluator.Integer(e.Argument(f, c, 1), "skip()"), long.MaxValue),
        ["range"] = (e, f, c) => new JsonArray([.. Enumerable.Range((int)ArmEvaluator.Integer(e.Argument(f, c, 0), "range()"),
            (int)ArmEvaluator.Integer(e.Argument(f, c, 1), "range()")).Select(i => JsonValue.Create((long)i))]),
        ["flatten"] = (e, f, c) => new JsonArray([.. ArmEvaluator.Array(e.Argument(f, c, 0), "flatten()")
            .SelectMany(inner => ArmEvaluator.Array(inner, "flatten()").Select(x => x?.DeepClone()))]),
        ["min"] = (e, f, c) => JsonValue.Create(Numbers(e, f, c).Min()),
        ["max"] = (e, f, c) => JsonValue.Create(Numbers(e, f, c).Max()),
        ["map"] = (e, f, c) =>
        {
            var lambda = ArmEvaluator.Lambda(f, c, 1);
            return new JsonArray([.. ArmEvaluator.Array(e.Argument(f, c, 0), "map()").Select((x, i) => lambda.Invoke(e, x, JsonValue.Create((long)i)))]);
        },
        ["filter"] = (e, f, c) =>
        {
            var lambda = ArmEvaluator.Lambda(f, c, 1);
            return new JsonArray([.. ArmEvaluator.Array(e.Argument(f, c, 0), "filter()")
                .Where((x, i) => ArmEvaluator.Boolean(lambda.Invoke(e, x, JsonValue.Create((long)i)), "filter() predicate"))
                .Select(x => x?.DeepClone())]);
        },
        ["reduce"] = (e, f, c) =>
        {
            var lambda = ArmEvaluator.Lambda(f, c, 2);
            return ArmEvaluator.Array(e.Argument(f, c, 0), "reduce()")
                .Select((x, i) => (x, i))
                .Aggregate(e.Argument(f, c, 1), (acc, item) => lambda.Invoke(e, acc, item.x, JsonValue.Create((long)item.i)));
        },
        ["toObject"] = (e, f, c) =>
        {
            var key = ArmEvaluator.Lambda(f, c, 1);
            ArmLambda? value = c.Arguments.Count > 2 ? ArmEvaluator.Lambda(f, c, 2) : null;
            var result = new JsonObject();
            foreach (var item in ArmEvaluator.Array(e.Argument(f, c, 0), "toObject()"))
            {
                result[ArmEvaluator.Text(key.Invoke(e, item), "toObject() key")] = value is null ? item?.DeepClone() : value.Invoke(e, item);
            }

            return result;
        },
    };

    /// <summary>
    /// Functions that work with runtime values as they are (building text, objects and arrays, choosing, looking up).
    /// Any other function given a runtime value returns a runtime value naming the call: its result is Azure's to know.
    /// <c>empty()</c> counts a runtime value as non-empty (they stand for ids, endpoints and names).
    /// </summary>
    private static readonly HashSet<string> AcceptRuntimeValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "parameters", "variables", "copyIndex", "lambdaVariables", "subscription", "tenant", "resourceGroup", "deployment",
        "environment", "reference", "resourceId", "subscriptionResourceId", "tenantResourceId", "extensionResourceId", "guid",
        "uniqueString", "if", "and", "or", "true", "false", "null", "coalesce", "empty", "createArray", "createObject", "array",
        "string", "tryGet", "items", "objectKeys", "union", "format", "concat", "map", "filter", "reduce", "toObject",
    };

    public static JsonNode? Invoke(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        if (Functions.TryGetValue(call.Name, out var function))
        {
            if (AcceptRuntimeValues.Contains(call.Name))
            {
                return function(evaluator, frame, call);
            }

            var arguments = call.Arguments.Select(a => evaluator.Evaluate(a, frame)).ToList();
            return arguments.Any(ArmRuntimeValue.Is)
                ? ArmRuntimeValue.Create($"{call.Name}({string.Join(", ", arguments.Select(ArmRuntimeValue.Describe))})")
                : function(evaluator, frame, new ArmCall(call.Name, [.. arguments.Select(a => new ArmLiteral(a))]));
        }

        // listKeys(), listSecrets(), ... hand out secrets at deployment time: kept visible as runtime values.
        if (call.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase))
        {
            var target = evaluator.Argument(frame, call, 0);
            return ArmRuntimeValue.Create($"{call.Name}({ArmRuntimeValue.Describe(target)})");
        }

        throw new ArmTemplateException($"Function {call.Name}() is not simulated");
    }

    private static JsonValue CopyIndex(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var index = frame.CopyIndex ?? throw new ArmTemplateException("copyIndex() outside a copy loop");
        var offset = call.Arguments.Count > 0 && evaluator.Argument(frame, call, call.Arguments.Count - 1) is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        return JsonValue.Create(index + offset);
    }

    private static JsonNode? Reference(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var target = ArmEvaluator.Text(evaluator.Argument(frame, call, 0), "reference()");
        var id = target.StartsWith('/') ? target : $"{frame.Template.Context.ScopeId}/providers/{target}";
        if (frame.Template.Simulation.TryGetDeploymentOutputs(id) is { } outputs)
        {
            return new JsonObject { ["outputs"] = outputs };
        }

        var full = call.Arguments.Count > 2 && string.Equals(ArmEvaluator.ToText(evaluator.Argument(frame, call, 2)), "Full", StringComparison.OrdinalIgnoreCase);
        return ArmRuntimeValue.Create(full ? $"reference({id}, full)" : $"reference({id})");
    }

    private static JsonValue ResourceId(ArmEvaluator evaluator, ArmFrame frame, ArmCall call, string scopeId, bool allowScopeArguments)
    {
        var arguments = call.Arguments.Select(a => ArmEvaluator.Text(evaluator.Evaluate(a, frame), call.Name + "()")).ToList();
        var typeAt = arguments.FindIndex(a => a.Contains('/', StringComparison.Ordinal));
        if (typeAt < 0 || (typeAt > 0 && !allowScopeArguments))
        {
            throw new ArmTemplateException($"{call.Name}({string.Join(", ", arguments)}): no resource type");
        }

        // resourceId([subscriptionId], [resourceGroupName], type, name...) / subscriptionResourceId([subscriptionId], type, name...)
        var prefix = (typeAt, call.Name.ToLowerInvariant()) switch
        {
            (0, _) => scopeId,
            (1, "subscriptionresourceid") => $"/subscriptions/{arguments[0]}",
            (1, _) when scopeId.Contains("/resourceGroups/", StringComparison.OrdinalIgnoreCase) =>
                $"{frame.Template.Context.SubscriptionResourceId}/resourceGroups/{arguments[0]}",
            (1, _) => $"/subscriptions/{arguments[0]}",
            (2, _) => $"/subscriptions/{arguments[0]}/resourceGroups/{arguments[1]}",
            _ => throw new ArmTemplateException($"{call.Name}(): too many arguments before the type"),
        };
        return JsonValue.Create(ResourceIdFrom(prefix, [.. arguments.Skip(typeAt)]));
    }

    /// <summary><c>{scope}/providers/{namespace}/{type1}/{name1}/{type2}/{name2}...</c></summary>
    public static string ResourceIdFrom(string scopeId, string[] typeAndNames)
    {
        var type = typeAndNames[0].Split('/');
        var names = typeAndNames.Skip(1).SelectMany(n => n.Split('/')).ToArray();
        if (type.Length - 1 != names.Length)
        {
            throw new ArmTemplateException($"Resource type {typeAndNames[0]} needs {type.Length - 1} names, got {string.Join("/", names)}");
        }

        var id = new StringBuilder(scopeId).Append("/providers/").Append(type[0]);
        for (var i = 0; i < names.Length; i++)
        {
            id.Append('/').Append(type[i + 1]).Append('/').Append(names[i]);
        }

        return id.ToString();
    }

    private static JsonObject CreateObject(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        if (call.Arguments.Count % 2 != 0)
        {
            throw new ArmTemplateException("createObject() needs key/value pairs");
        }

        var result = new JsonObject();
        for (var i = 0; i < call.Arguments.Count; i += 2)
        {
            result[ArmEvaluator.Text(evaluator.Argument(frame, call, i), "createObject() key")] = evaluator.Argument(frame, call, i + 1);
        }

        return result;
    }

    private static JsonNode? TryGet(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var value = evaluator.Argument(frame, call, 0);
        foreach (var key in call.Arguments.Skip(1).Select(a => evaluator.Evaluate(a, frame)))
        {
            if (value is null)
            {
                return null;
            }

            if (ArmRuntimeValue.Is(value))
            {
                return ArmEvaluator.Index(value, key);
            }

            value = (value, key) switch
            {
                (JsonObject o, JsonValue k) when k.TryGetValue<string>(out var name) =>
                    o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone(),
                (JsonArray a, JsonValue k) when k.TryGetValue<long>(out var n) => n >= 0 && n < a.Count ? a[(int)n]?.DeepClone() : null,
                _ => null,
            };
        }

        return value;
    }

    /// <summary>union(): objects merge (later wins; nested objects merge too), arrays concatenate without duplicates.</summary>
    private static JsonNode? Union(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                var merged = (JsonObject)l.DeepClone();
                foreach (var (key, value) in r)
                {
                    var existing = merged.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
                    if (existing.Key is not null)
                    {
                        merged.Remove(existing.Key);
                    }

                    merged[key] = existing.Value is JsonObject && value is JsonObject ? Union(existing.Value, value) : value?.DeepClone();
                }

                return merged;
            case (JsonArray l, JsonArray r):
                var items = new JsonArray();
                foreach (var item in l.Concat(r).Where(item => !items.Any(x => JsonNode.DeepEquals(x, item))))
                {
                    items.Add(item?.DeepClone());
                }

                return items;
            default:
                throw new ArmTemplateException($"union() of {ArmEvaluator.Describe(left)} and {ArmEvaluator.Describe(right)}");
        }
    }

    private static JsonValue Format(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var format = ArmEvaluator.Text(evaluator.Argument(frame, call, 0), "format()");
        var values = call.Arguments.Skip(1).Select(a => ArmEvaluator.ToText(evaluator.Evaluate(a, frame))).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                var index = int.Parse(format.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture);
                text.Append(values[index]);
                i = end;
            }
            else
            {
                text.Append(format[i]);
            }
        }

        return JsonValue.Create(text.ToString());
    }

    private static JsonNode Concat(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var values = call.Arguments.Select(a => evaluator.Evaluate(a, frame)).ToList();
        return values.Count > 0 && values[0] is JsonArray
            ? new JsonArray([.. values.SelectMany(v => ArmEvaluator.Array(v, "concat()").Select(x => x?.DeepClone()))])
            : JsonValue.Create(string.Concat(values.Select(ArmEvaluator.ToText)));
    }

    private static JsonArray Split(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var text = ArmEvaluator.Text(evaluator.Argument(frame, call, 0), "split()");
        var separators = evaluator.Argument(frame, call, 1) is JsonArray many
            ? many.Select(s => ArmEvaluator.Text(s, "split()")).ToArray()
            : [ArmEvaluator.Text(evaluator.Argument(frame, call, 1), "split()")];
        return new JsonArray([.. text.Split(separators, StringSplitOptions.None).Select(s => JsonValue.Create(s))]);
    }

    private static JsonValue Substring(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var text = ArmEvaluator.Text(evaluator.Argument(frame, call, 0), "substring()");
        var start = (int)ArmEvaluator.Integer(evaluator.Argument(frame, call, 1), "substring()");
        var length = call.Arguments.Count > 2 ? (int)ArmEvaluator.Integer(evaluator.Argument(frame, call, 2), "substring()") : text.Length - start;
        return JsonValue.Create(text.Substring(start, length));
    }

    private static JsonValue Contains(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var container = evaluator.Argument(frame, call, 0);
        var item = evaluator.Argument(frame, call, 1);
        return JsonValue.Create(container switch
        {
            JsonArray a => a.Any(x => JsonNode.DeepEquals(x, item)),
            JsonObject o => o.Any(p => string.Equals(p.Key, ArmEvaluator.ToText(item), StringComparison.OrdinalIgnoreCase)),
            _ => ArmEvaluator.Text(container, "contains()").Contains(ArmEvaluator.ToText(item), StringComparison.Ordinal),
        });
    }

    private static JsonNode Slice(JsonNode? value, long start, long count)
    {
        if (value is JsonArray a)
        {
            return new JsonArray([.. a.Skip((int)Math.Min(start, a.Count)).Take((int)Math.Min(count, a.Count)).Select(x => x?.DeepClone())]);
        }

        var text = ArmEvaluator.Text(value, "take()/skip()");
        var from = (int)Math.Min(start, text.Length);
        return JsonValue.Create(text.Substring(from, (int)Math.Min(count, text.Length - from)));
    }

    private static int Compare(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var left = evaluator.Argument(frame, call, 0);
        var right = evaluator.Argument(frame, call, 1);
        return left is JsonValue l && l.TryGetValue<long>(out var x) && right is JsonValue r && r.TryGetValue<long>(out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(ArmEvaluator.Text(left, call.Name), ArmEvaluator.Text(right, call.Name));
    }

    private static IEnumerable<long> Numbers(ArmEvaluator evaluator, ArmFrame frame, ArmCall call)
    {
        var values = call.Arguments.Select(a => evaluator.Evaluate(a, frame)).ToList();
        var items = values.Count == 1 && values[0] is JsonArray a ? [.. a] : values;
        return items.Count > 0
            ? items.Select(v => ArmEvaluator.Integer(v, call.Name + "()"))
            : throw new ArmTemplateException($"{call.Name}() of nothing");
    }

    private static string[] Texts(ArmEvaluator evaluator, ArmFrame frame, ArmCall call) =>
        [.. call.Arguments.Select(a => ArmEvaluator.ToText(evaluator.Evaluate(a, frame)))];

    /// <summary>Deterministic stand-in for ARM's guid(): the same arguments give the same GUID.</summary>
    private static Guid Guid(string[] values)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', values)));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Deterministic stand-in for ARM's uniqueString(): 13 lower-case letters and digits.</summary>
    private static string UniqueString(string[] values)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', values)));
        return new string([.. hash.Take(13).Select(b => alphabet[b % alphabet.Length])]);
    }
}

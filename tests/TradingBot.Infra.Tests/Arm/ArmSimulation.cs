using System.Globalization;
using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>
/// Deploys a compiled ARM template on paper: binds and validates parameters, evaluates variables, conditions, copy
/// loops and nested (module) deployments, and returns every resource with its evaluated body. Resource ids follow ARM's
/// rules; properties only Azure knows (<c>reference()</c>) stay visible as <see cref="ArmRuntimeValue"/>s.
/// </summary>
internal sealed class ArmSimulation
{
    private static readonly string[] Unevaluated = ["copy", "condition", "dependsOn", "comments"];

    private readonly ArmEvaluator _evaluator = new();
    private readonly List<ArmResource> _resources = [];
    private readonly Dictionary<string, Lazy<JsonObject>> _deployments = new(StringComparer.OrdinalIgnoreCase);

    private ArmSimulation()
    {
    }

    public static ArmDeploymentResult Run(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, ArmDeploymentContext context)
    {
        var simulation = new ArmSimulation();
        var outputs = simulation.Deploy(template, parameters, context);
        return new ArmDeploymentResult(simulation._resources, outputs);
    }

    internal JsonObject? TryGetDeploymentOutputs(string id) =>
        _deployments.TryGetValue(id, out var deployment) ? (JsonObject)deployment.Value.DeepClone() : null;

    private JsonObject Deploy(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, ArmDeploymentContext context)
    {
        if (template["languageVersion"] is not null || template["resources"] is not JsonArray resources)
        {
            throw new ArmTemplateException($"{context.DeploymentName}: only languageVersion 1.0 templates (a resources array) are simulated");
        }

        var bound = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        var scope = new ArmTemplateScope(template, bound, context, this);
        BindParameters(template, parameters, scope, bound);

        var instances = resources.Cast<JsonObject>().SelectMany(r => Instances(r, scope)).Where(i => Condition(i.Resource, i.Frame)).ToList();
        foreach (var instance in instances.Where(i => i.DeploymentId is not null))
        {
            _deployments[instance.DeploymentId!] = new Lazy<JsonObject>(() => DeployNested(instance, context));
        }

        foreach (var instance in instances)
        {
            if (instance.DeploymentId is { } deployment)
            {
                _ = _deployments[deployment].Value;
            }
            else
            {
                _resources.Add(Evaluate(instance.Resource, instance.Frame, context));
            }
        }

        var outputs = new JsonObject();
        foreach (var (name, output) in template["outputs"] as JsonObject ?? [])
        {
            var declaration = ArmEvaluator.Object(output, $"output {name}");
            outputs[name] = new JsonObject
            {
                ["type"] = declaration["type"]?.DeepClone(),
                ["value"] = _evaluator.EvaluateValue(declaration["value"], ArmFrame.For(scope)),
            };
        }

        return outputs;
    }

    private JsonObject DeployNested(Instance deployment, ArmDeploymentContext context)
    {
        var (resource, frame, _) = deployment;
        var target = Target(resource, frame, context);
        var properties = ArmEvaluator.Object(resource["properties"], "deployment properties");
        if (properties["expressionEvaluationOptions"]?["scope"]?.GetValue<string>() != "inner")
        {
            throw new ArmTemplateException($"{target.DeploymentName}: only inner-scoped nested templates are simulated");
        }

        var parameters = (properties["parameters"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => _evaluator.EvaluateValue(p.Value?["value"], frame), StringComparer.OrdinalIgnoreCase);
        return Deploy(ArmEvaluator.Object(properties["template"], "nested template"), parameters, target);
    }

    private ArmResource Evaluate(JsonObject resource, ArmFrame frame, ArmDeploymentContext context)
    {
        if (resource["resourceGroup"] is not null || resource["subscriptionId"] is not null)
        {
            throw new ArmTemplateException($"{context.DeploymentName}: cross-scope resources are not simulated");
        }

        var body = new JsonObject();
        foreach (var (key, value) in resource.Where(p => !Unevaluated.Contains(p.Key)))
        {
            body[key] = _evaluator.EvaluateValue(value, frame);
        }

        var type = ArmEvaluator.Text(body["type"], "resource type");
        var name = ArmEvaluator.Text(body["name"], "resource name");
        string id;
        if (body["scope"] is { } scope)
        {
            var scopeText = ArmEvaluator.Text(scope, "resource scope");
            var scopeId = scopeText.StartsWith('/') ? scopeText : $"{context.ScopeId}/providers/{scopeText}";
            body["scope"] = scopeId;
            id = ArmFunctions.ResourceIdFrom(scopeId, [type, name]);
        }
        else if (string.Equals(type, "Microsoft.Resources/resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            id = $"{context.SubscriptionResourceId}/resourceGroups/{name}";
        }
        else
        {
            id = ArmFunctions.ResourceIdFrom(context.ScopeId, [type, name]);
        }

        return new ArmResource(type, name, id, context.DeploymentName, body);
    }

    private List<Instance> Instances(JsonObject resource, ArmTemplateScope scope)
    {
        var frame = ArmFrame.For(scope);
        var frames = resource["copy"] is JsonObject copy
            ? Enumerable.Range(0, (int)ArmEvaluator.Integer(_evaluator.EvaluateValue(copy["count"], frame), "copy count")).Select(i => frame.WithCopyIndex(i))
            : [frame];
        return [.. frames.Select(f => new Instance(resource, f, IsDeployment(resource) ? DeploymentId(Target(resource, f, scope.Context)) : null))];
    }

    private static string DeploymentId(ArmDeploymentContext target) =>
        ArmFunctions.ResourceIdFrom(target.ScopeId, ["Microsoft.Resources/deployments", target.DeploymentName]);

    /// <summary>Where a nested deployment goes: its resource group (or the parent's) under its own deployment name.</summary>
    private ArmDeploymentContext Target(JsonObject deployment, ArmFrame frame, ArmDeploymentContext context)
    {
        var name = ArmEvaluator.Text(_evaluator.EvaluateValue(deployment["name"], frame), "deployment name");
        return deployment["resourceGroup"] is { } group
            ? context with { ResourceGroup = ArmEvaluator.Text(_evaluator.EvaluateValue(group, frame), "resourceGroup"), DeploymentName = name }
            : context with { DeploymentName = name };
    }

    private bool Condition(JsonObject resource, ArmFrame frame) =>
        resource["condition"] is not { } condition || ArmEvaluator.Boolean(_evaluator.EvaluateValue(condition, frame), "condition");

    private static bool IsDeployment(JsonObject resource) =>
        string.Equals(resource["type"]?.GetValue<string>(), "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);

    private sealed record Instance(JsonObject Resource, ArmFrame Frame, string? DeploymentId);

    private void BindParameters(JsonObject template, IReadOnlyDictionary<string, JsonNode?> given, ArmTemplateScope scope,
        Dictionary<string, JsonNode?> bound)
    {
        var declarations = template["parameters"] as JsonObject ?? [];
        foreach (var name in given.Keys.Where(n => !declarations.Any(d => string.Equals(d.Key, n, StringComparison.OrdinalIgnoreCase))))
        {
            throw new ArmTemplateException($"{scope.Context.DeploymentName}: parameter '{name}' is not declared");
        }

        foreach (var (name, declarationNode) in declarations)
        {
            var declaration = ArmEvaluator.Object(declarationNode, $"parameter {name}");
            var value = given.TryGetValue(name, out var v)
                ? v?.DeepClone()
                : declaration.ContainsKey("defaultValue")
                    ? _evaluator.EvaluateValue(declaration["defaultValue"], ArmFrame.For(scope))
                    : throw new ArmTemplateException($"{scope.Context.DeploymentName}: parameter '{name}' needs a value");
            Validate(scope.Context.DeploymentName, name, declaration, value);
            bound[name] = value;
        }
    }

    private static void Validate(string deployment, string name, JsonObject declaration, JsonNode? value)
    {
        var type = declaration["type"]?.GetValue<string>().ToLowerInvariant();
        var what = $"{deployment}: parameter '{name}' ({type}) = {ArmEvaluator.Describe(value)}";
        var ok = type switch
        {
            "string" or "securestring" => value is JsonValue s && s.TryGetValue<string>(out _),
            "int" => value is JsonValue i && i.TryGetValue<long>(out _),
            "bool" => value is JsonValue b && b.TryGetValue<bool>(out _),
            "array" => value is JsonArray,
            "object" or "secureobject" => value is JsonObject,
            _ => throw new ArmTemplateException($"{what}: unknown type"),
        };
        if (!ok)
        {
            throw new ArmTemplateException($"{what}: wrong type");
        }

        if (declaration["allowedValues"] is JsonArray allowed)
        {
            var values = value is JsonArray many ? [.. many] : new List<JsonNode?> { value };
            if (values.Any(x => !allowed.Any(a => JsonNode.DeepEquals(a, x))))
            {
                throw new ArmTemplateException($"{what}: not one of {allowed.ToJsonString()}");
            }
        }

        var length = value switch
        {
            JsonArray a => a.Count,
            JsonValue s when s.TryGetValue<string>(out var text) => text.Length,
            _ => (int?)null,
        };
        if (length is { } l && ((declaration["minLength"] is { } min && l < min.GetValue<int>()) || (declaration["maxLength"] is { } max && l > max.GetValue<int>())))
        {
            throw new ArmTemplateException($"{what}: length {l.ToString(CultureInfo.InvariantCulture)} outside the allowed range");
        }

        if (value is JsonValue n && n.TryGetValue<long>(out var number)
            && ((declaration["minValue"] is { } minValue && number < minValue.GetValue<long>()) || (declaration["maxValue"] is { } maxValue && number > maxValue.GetValue<long>())))
        {
            throw new ArmTemplateException($"{what}: outside [{declaration["minValue"]}, {declaration["maxValue"]}]");
        }
    }
}

using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>One template being evaluated: its parameter values, its variables (evaluated once, on first use), its context.</summary>
internal sealed class ArmTemplateScope(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, ArmDeploymentContext context,
    ArmSimulation simulation)
{
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);

    public JsonObject Template { get; } = template;

    public ArmDeploymentContext Context { get; } = context;

    public ArmSimulation Simulation { get; } = simulation;

    public JsonNode? Parameter(string name) =>
        parameters.TryGetValue(name, out var value)
            ? value?.DeepClone()
            : throw new ArmTemplateException($"{Context.DeploymentName}: parameter '{name}' has no value");

    public JsonNode? Variable(string name, ArmEvaluator evaluator)
    {
        if (_variables.TryGetValue(name, out var cached))
        {
            return cached?.DeepClone();
        }

        var declarations = Template["variables"] as JsonObject
            ?? throw new ArmTemplateException($"{Context.DeploymentName}: no variables");
        var declaration = declarations.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase));
        if (declaration.Key is null)
        {
            throw new ArmTemplateException($"{Context.DeploymentName}: variable '{name}' is not declared");
        }

        if (!_evaluating.Add(name))
        {
            throw new ArmTemplateException($"{Context.DeploymentName}: variable '{name}' refers to itself");
        }

        var value = evaluator.EvaluateValue(declaration.Value, ArmFrame.For(this));
        _evaluating.Remove(name);
        _variables[name] = value;
        return value?.DeepClone();
    }
}

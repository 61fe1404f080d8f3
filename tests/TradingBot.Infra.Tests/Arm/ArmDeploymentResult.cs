using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>What a simulated deployment creates (nested deployments flattened) and what it outputs.</summary>
internal sealed record ArmDeploymentResult(IReadOnlyList<ArmResource> Resources, JsonObject Outputs)
{
    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => r.Is(type));

    public ArmResource Single(string type) =>
        OfType(type).ToList() is [var only] ? only : throw new InvalidOperationException($"Expected one {type}, found {OfType(type).Count()}");

    public string Output(string name) =>
        Outputs[name]?["value"]?.GetValue<string>() ?? throw new InvalidOperationException($"No string output {name}");
}

using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>Where an expression is evaluated: its template, the current copy index and the lambda variables in scope.</summary>
internal sealed record ArmFrame(ArmTemplateScope Template, long? CopyIndex, ImmutableDictionary<string, JsonNode?> LambdaVariables)
{
    public static ArmFrame For(ArmTemplateScope template) => new(template, null, ImmutableDictionary<string, JsonNode?>.Empty);

    public ArmFrame WithCopyIndex(long index) => this with { CopyIndex = index };

    public ArmFrame WithLambdaVariable(string name, JsonNode? value) => this with { LambdaVariables = LambdaVariables.SetItem(name, value) };
}

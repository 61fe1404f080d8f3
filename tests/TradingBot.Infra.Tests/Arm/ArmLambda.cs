using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>A <c>lambda('x', ...)</c> argument of map/filter/reduce/toObject, closed over the frame it was written in.</summary>
internal sealed record ArmLambda(IReadOnlyList<string> Parameters, ArmSyntax Body, ArmFrame Frame)
{
    public JsonNode? Invoke(ArmEvaluator evaluator, params JsonNode?[] arguments)
    {
        var frame = Frame;
        for (var i = 0; i < Parameters.Count; i++)
        {
            frame = frame.WithLambdaVariable(Parameters[i], i < arguments.Length ? arguments[i] : null);
        }

        return evaluator.Evaluate(Body, frame);
    }
}

using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.App;

/// <summary>One binding of one function.json (src/TradingBot.Functions/Functions/&lt;Name&gt;/function.json).</summary>
internal sealed record FunctionBinding(string Function, JsonObject Binding)
{
    public string Type => Text("type") ?? throw new InvalidOperationException($"{Function}: binding without a type");

    public string? Direction => Text("direction");

    public string? TopicName => Text("topicName");

    public string? SubscriptionName => Text("subscriptionName");

    public string? Connection => Text("connection");

    public bool IsServiceBus => Type is "serviceBusTrigger" or "serviceBus";

    public string? Text(string property) => Binding[property]?.GetValue<string>();

    public override string ToString() => $"{Function}: {Type} {Binding.ToJsonString()}";
}

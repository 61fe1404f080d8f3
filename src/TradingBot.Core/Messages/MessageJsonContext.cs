using System.Text.Json.Serialization;

namespace TradingBot.Core.Messages;

/// <summary>The generated contracts of the pipeline messages (<see cref="MessageJson"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CandleClosed))]
[JsonSerializable(typeof(SignalRaised))]
[JsonSerializable(typeof(OrderApproved))]
[JsonSerializable(typeof(OrderFilled))]
[JsonSerializable(typeof(OrderUpdated))]
[JsonSerializable(typeof(List<CandleClosed>))]
[JsonSerializable(typeof(List<SignalRaised>))]
[JsonSerializable(typeof(List<OrderApproved>))]
[JsonSerializable(typeof(List<OrderFilled>))]
[JsonSerializable(typeof(List<OrderUpdated>))]
public sealed partial class MessageJsonContext : JsonSerializerContext;

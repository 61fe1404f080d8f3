using TradingBot.Core.Messages;

namespace TradingBot.Functions.Invocation;

/// <summary>One invocation: the function name, the decoded host payload, the invocation id and the trigger's message.</summary>
public sealed class FunctionContext(string name, string trigger, InvokeRequest request, string? invocationId)
{
    public string Name { get; } = name;

    public string TriggerBinding { get; } = trigger;

    public InvokeRequest Request { get; } = request;

    public string? InvocationId { get; } = invocationId;

    public int? DeliveryCount => Request.DeliveryCount;

    /// <summary>The trigger's Service Bus body (decoded); missing is a <see cref="MessageFormatException"/>.</summary>
    public string Body => Request.Text(TriggerBinding)
        ?? throw new MessageFormatException($"The trigger binding '{TriggerBinding}' is missing from the invocation payload.");

    /// <summary>The trigger's message as <typeparamref name="T"/> (strictly validated).</summary>
    public T Message<T>()
        where T : IMessage => MessageJson.Deserialize<T>(Body);

    /// <summary>The timer info of a timer trigger (a run without it is treated as on time).</summary>
    public TimerInfo Timer => Request.Timer(TriggerBinding) ?? new TimerInfo(false, null, null);
}

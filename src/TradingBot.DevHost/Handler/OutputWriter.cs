using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Protocol;
using TradingBot.DevHost.ServiceBus;

namespace TradingBot.DevHost.Handler;

/// <summary>
/// Writes a successful invocation's outputs the way the host's bindings do (§1.4, §7.6): for every <c>serviceBus</c>
/// output binding, its value in <c>Outputs</c> (or <c>ReturnValue</c> for <c>$return</c>) becomes zero, one or many
/// messages (body only: an output binding cannot set MessageId or properties) sent to the binding's topic.
/// </summary>
public sealed class OutputWriter(ServiceBusEmulator broker)
{
    public int Write(FunctionDefinition function, InvocationReply reply)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(reply);
        var pending = new List<(string Topic, byte[] Body)>();
        foreach (var binding in function.Outputs.Where(b => b.Type.Equals("serviceBus", StringComparison.OrdinalIgnoreCase)))
        {
            var value = binding.Name == "$return" ? reply.ReturnValue : reply.Outputs.TryGetValue(binding.Name, out var output) ? output : null;
            if (value is not { } present)
            {
                continue;
            }

            var topic = binding.Text("topicName")!;
            pending.AddRange(InvocationReply.Messages(present, binding.IsBinary).Select(body => (topic, body)));
        }

        // Every output is decoded before anything is sent: a reply that cannot be written fails the invocation whole.
        foreach (var (topic, body) in pending)
        {
            broker.Send(topic, new OutgoingMessage(body));
        }

        return pending.Count;
    }
}

using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;

namespace TradingBot.Functions.Functions;

/// <summary>
/// <c>orders/execution</c> → topic <c>fills</c>: places the approved order exactly once (claim before the venue call)
/// and publishes its executions (<c>OrderFilled</c>) and status (<c>OrderUpdated</c>). A redelivery resumes from the
/// recorded state and re-publishes the same messages (same ids), never a second order.
/// </summary>
public sealed class ExecuteOrders(OrderExecutor executor) : IFunction
{
    public const string Output = "fills";

    public static string Trigger => "order";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = context.Message<OrderApproved>();
        var messages = await executor.ExecuteAsync(order, ct);
        return new InvokeResult().WithMessages(Output, messages).Log($"order {order.Id}: {messages.Count} message(s) published");
    }
}

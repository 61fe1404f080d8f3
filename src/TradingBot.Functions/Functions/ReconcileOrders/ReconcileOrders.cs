using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;

namespace TradingBot.Functions.Functions;

/// <summary>Timer → topic <c>fills</c>: resolves open and unknown orders with their venue by client order id and publishes what was missed.</summary>
public sealed class ReconcileOrders(OrderReconciler reconciler) : IFunction
{
    public const string Output = "fills";

    public static string Trigger => "timer";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = await reconciler.RunAsync(ct);
        return new InvokeResult().WithMessages(Output, messages).Log($"reconciliation published {messages.Count} message(s)");
    }
}

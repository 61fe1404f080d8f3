using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;

namespace TradingBot.Functions.Functions;

/// <summary>
/// <c>signals/risk</c> → topic <c>orders</c>: the risk gate approves (and sizes) or rejects the signal; every decision
/// is recorded with its reason, approved orders are published. A redelivered signal gets the recorded decision back.
/// </summary>
public sealed class ApplyRisk(RiskApprover approver) : IFunction
{
    public const string Output = "orders";

    public static string Trigger => "signal";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signal = context.Message<SignalRaised>();
        var decision = await approver.DecideAsync(signal, ct);
        return new InvokeResult()
            .WithMessages(Output, decision.Orders)
            .Log($"signal {signal.Id}: {(decision.Approved ? "approved" : "not approved")} ({decision.Code}) {decision.Message}");
    }
}

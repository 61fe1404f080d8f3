using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Telemetry;
using TradingBot.Storage.Ledger;

namespace TradingBot.Functions.Functions;

/// <summary>
/// <c>fills/ledger</c> → Table Storage: an <c>OrderFilled</c> is applied to the account's position and balances exactly
/// once (by fill id); an <c>OrderUpdated</c> in a final state tells risk how its order ended.
/// </summary>
public sealed class RecordFills(LedgerStore ledger, RiskBookkeeper risk, PipelineMetrics metrics, ILogger<RecordFills> logger) : IFunction
{
    public static string Trigger => "fill";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schema = MessageJson.PeekSchema(context.Body);
        if (schema == OrderFilled.SchemaName)
        {
            var fill = context.Message<OrderFilled>();
            var outcome = await ledger.ApplyAsync(fill, ct);
            if (outcome == FillApplication.AlreadyApplied)
            {
                metrics.Duplicate(nameof(RecordFills));
            }

            logger.FillRecorded(fill.Id, fill.Account, fill.Symbol, fill.Side, fill.Amount, fill.Price, outcome == FillApplication.Applied ? "applied" : "already applied");
            return new InvokeResult().Log($"fill {fill.Id}: {outcome}");
        }

        if (schema == OrderUpdated.SchemaName)
        {
            var update = context.Message<OrderUpdated>();
            var released = await risk.OnOrderFinishedAsync(update, ct);
            logger.OrderStatusRecorded(update.OrderId, update.State, update.Filled, released);
            return new InvokeResult().Log($"order {update.OrderId}: {update.State}{(released ? ", risk updated" : "")}");
        }

        throw new MessageFormatException($"schema: \"{schema ?? "(none)"}\" is not a fills-topic message ({OrderFilled.SchemaName} or {OrderUpdated.SchemaName}).");
    }
}

using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Telemetry;
using TradingBot.Storage.Inbox;
using TradingBot.Storage.Signals;

namespace TradingBot.Functions.Functions;

/// <summary>
/// <c>market-data/strategies</c> → topic <c>signals</c>. The candle is evaluated, then its signals are recorded in the
/// inbox (the first record wins) and stored; a redelivery that finds a record replays exactly those signals (even if
/// strategies were reconfigured in between) and stores them again (idempotent), so the signals table always holds
/// what was published. A position whose protective stop or target the candle reached gets a protective-exit signal
/// as well. Recording after evaluating costs one insert per candle that raised something instead of a lookup plus an
/// insert per candle. A candle that raised nothing (most of them) records nothing and, on its first delivery, looks
/// nothing up: a redelivery that raises nothing looks for an earlier delivery's record and replays it (the strategy may
/// have been disabled since), and one that raises signals records them like a first delivery (the first record wins).
/// So a candle's signals are published as first recorded, once raised; one that raised nothing at first may raise
/// signals when evaluated again, like a late first delivery.
/// </summary>
public sealed class EvaluateStrategies(StrategyEvaluator evaluator, ProtectiveExits exits, InboxStore inbox, SignalStore store, PipelineMetrics metrics,
    TimeProvider time) : IFunction
{
    public const string Output = "signals";

    public static string Trigger => "candle";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candle = context.Message<CandleClosed>();
        var signals = (await evaluator.EvaluateAsync(candle, ct)).ToList();
        if (await exits.CheckAsync(candle, ct) is { } exit)
        {
            signals.Add(exit);
        }

        if (signals.Count == 0)
        {
            // Nothing to record. Only a redelivery can find signals an earlier delivery raised and recorded (strategies
            // changed since): those are replayed.
            return context.DeliveryCount is 1 || await inbox.FindAsync(nameof(EvaluateStrategies), candle.Id, ct) is not { } earlier
                ? new InvokeResult().Log($"no signal for {candle.Id}")
                : await ReplayAsync(candle, earlier, ct);
        }

        if (await inbox.RecordAsync(nameof(EvaluateStrategies), candle.Id, candle.CorrelationId, MessageJson.SerializeMany(signals), time.GetUtcNow(), ct)
            is { } recorded)
        {
            return await ReplayAsync(candle, recorded, ct);
        }

        await store.SaveAsync(signals, ct);
        return new InvokeResult().WithMessages(Output, signals).Log($"{signals.Count} signal(s) for {candle.Id}");
    }

    private async Task<InvokeResult> ReplayAsync(CandleClosed candle, string recorded, CancellationToken ct)
    {
        metrics.Duplicate(nameof(EvaluateStrategies));
        var replay = MessageJson.DeserializeMany<SignalRaised>(recorded);
        await store.SaveAsync(replay, ct);
        return new InvokeResult().WithMessages(Output, replay).Log($"duplicate delivery of {candle.Id}: replayed {replay.Count} recorded signal(s)");
    }
}

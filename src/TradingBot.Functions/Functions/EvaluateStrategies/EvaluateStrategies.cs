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
/// as well. Recording after evaluating costs one insert per candle instead of a lookup plus an insert.
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

        if (await inbox.RecordAsync(nameof(EvaluateStrategies), candle.Id, candle.CorrelationId, MessageJson.SerializeMany(signals), time.GetUtcNow(), ct)
            is { } recorded)
        {
            metrics.Duplicate(nameof(EvaluateStrategies));
            var replay = MessageJson.DeserializeMany<SignalRaised>(recorded);
            await store.SaveAsync(replay, ct);
            return new InvokeResult().WithMessages(Output, replay).Log($"duplicate delivery of {candle.Id}: replayed {replay.Count} recorded signal(s)");
        }

        await store.SaveAsync(signals, ct);
        return new InvokeResult().WithMessages(Output, signals).Log($"{signals.Count} signal(s) for {candle.Id}");
    }
}

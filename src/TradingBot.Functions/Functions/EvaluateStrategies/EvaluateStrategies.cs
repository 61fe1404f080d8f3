using TradingBot.Core.Messages;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Telemetry;
using TradingBot.Storage.Inbox;

namespace TradingBot.Functions.Functions;

/// <summary>
/// <c>market-data/strategies</c> → topic <c>signals</c>. The first evaluation of a candle is recorded in the inbox with
/// its signals; a redelivery replays exactly those signals (even if strategies were reconfigured in between). A
/// position whose protective stop or target the candle reached gets a protective-exit signal as well.
/// </summary>
public sealed class EvaluateStrategies(StrategyEvaluator evaluator, ProtectiveExits exits, InboxStore inbox, PipelineMetrics metrics, TimeProvider time)
    : IFunction
{
    public const string Output = "signals";

    public static string Trigger => "candle";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candle = context.Message<CandleClosed>();
        if (await inbox.FindAsync(nameof(EvaluateStrategies), candle.Id, ct) is { } recorded)
        {
            metrics.Duplicate(nameof(EvaluateStrategies));
            var replay = MessageJson.DeserializeMany<SignalRaised>(recorded);
            return new InvokeResult().WithMessages(Output, replay).Log($"duplicate delivery of {candle.Id}: replayed {replay.Count} recorded signal(s)");
        }

        var signals = (await evaluator.EvaluateAsync(candle, ct)).ToList();
        if (await exits.CheckAsync(candle, ct) is { } exit)
        {
            signals.Add(exit);
        }

        await inbox.RecordAsync(nameof(EvaluateStrategies), candle.Id, candle.CorrelationId, MessageJson.SerializeMany(signals), time.GetUtcNow(), ct);
        return new InvokeResult().WithMessages(Output, signals).Log($"{signals.Count} signal(s) for {candle.Id}");
    }
}

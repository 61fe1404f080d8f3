using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TradingBot.Core.Messages;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Telemetry;
using TradingBot.Storage.Poison;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// Runs one invocation the way the protocol requires (functions-custom-handler.md §1.4–§1.6): decode the payload,
/// open a logging scope and a trace span carrying the message id and correlation id, run the function, and answer
/// 2xx JSON for every handled outcome. An invalid or unprocessable message is recorded as poison and answered 2xx
/// (never looped); a transient failure is answered 503 (Service Bus redelivers); a bug 500. On the last allowed
/// delivery a failure is recorded as poison and answered 2xx, so our own record replaces the dead-letter queue.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services, PoisonStore poison, PipelineMetrics metrics, TimeProvider time,
    IOptions<PipelineOptions> options, ILoggerFactory loggers, IEnumerable<IInvocationObserver> observers)
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public async Task<IResult> InvokeAsync<TFunction>(HttpContext http)
        where TFunction : class, IFunction
    {
        ArgumentNullException.ThrowIfNull(http);
        var name = typeof(TFunction).Name;
        var logger = loggers.CreateLogger("TradingBot.Functions." + name);
        var ct = http.RequestAborted;
        InvokeRequest request;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            request = InvokeRequest.Parse(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            logger.InvalidInvocation(name, ex.Message);
            return Answer(400, new InvokeResult().Log($"Not an invocation payload: {ex.Message}"));
        }

        var invocationId = http.Request.Headers[InvocationIdHeader].FirstOrDefault();
        var context = new FunctionContext(name, TFunction.Trigger, request, invocationId);
        var envelope = MessageEnvelope.Peek(request.Text(TFunction.Trigger));
        using var scope = logger.BeginScope(new InvocationScope(
        [
            new("FunctionName", name),
            new("InvocationId", invocationId),
            new("MessageId", envelope.Id),
            new("CorrelationId", envelope.CorrelationId),
            new("CausationId", envelope.CausationId),
            new("DeliveryCount", context.DeliveryCount),
        ]));
        using var activity = PipelineMetrics.ActivitySource.StartActivity(name, ActivityKind.Consumer);
        activity?.SetTag("faas.invocation_id", invocationId);
        activity?.SetTag("messaging.message.id", envelope.Id);
        activity?.SetTag("tradingbot.correlation_id", envelope.CorrelationId);
        var started = time.GetTimestamp();
        try
        {
            var result = await services.GetRequiredService<TFunction>().RunAsync(context, ct);
            metrics.Stage(name, "ok", time.GetElapsedTime(started));
            Observe(logger, o => o.Completed(context, result));
            return Answer(200, result);
        }
        catch (Exception ex) when (ex is MessageFormatException or PoisonMessageException)
        {
            return await PoisonAsync(context, envelope, ex.Message, logger, started, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var transient = Failures.IsTransient(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            var lastDelivery = context.DeliveryCount is { } delivered && delivered >= options.Value.MaxDeliveryCount;
            if (transient && !lastDelivery)
            {
                logger.InvocationRetried(name, ex.GetType().Name, context.DeliveryCount);
            }
            else
            {
                logger.InvocationFailed(ex, name, ex.GetType().Name, transient, context.DeliveryCount);
            }

            if (context.DeliveryCount is { } count && count >= options.Value.MaxDeliveryCount)
            {
                return await PoisonAsync(context, envelope, $"gave up after {count} deliveries: {ex.GetType().Name}: {ex.Message}", logger, started, ct);
            }

            metrics.Stage(name, transient ? "transient" : "error", time.GetElapsedTime(started));
            Observe(logger, o => o.Failed(context, transient ? "transient" : "error", ex.GetType().Name));
            return Answer(transient ? 503 : 500, new InvokeResult().Log($"{(transient ? "transient" : "unexpected")} failure: {ex.GetType().Name}"));
        }
    }

    private async Task<IResult> PoisonAsync(FunctionContext context, MessageEnvelope envelope, string reason, ILogger logger, long started,
        CancellationToken ct)
    {
        var body = context.Request.Text(context.TriggerBinding) ?? "";
        var record = new PoisonRecord(context.Name, PoisonStore.KeyFor(envelope.Id, body), reason, body, time.GetUtcNow())
        {
            MessageId = envelope.Id,
            CorrelationId = envelope.CorrelationId,
            ServiceBusMessageId = context.Request.MetadataText("MessageId"),
            DeliveryCount = context.DeliveryCount,
            InvocationId = context.InvocationId,
        };
        try
        {
            await poison.RecordAsync(record, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Cannot record it (storage down): let Service Bus redeliver; it is recorded on a later delivery.
            var transient = Failures.IsTransient(ex);
            logger.InvocationFailed(ex, context.Name, ex.GetType().Name, transient, context.DeliveryCount);
            metrics.Stage(context.Name, transient ? "transient" : "error", time.GetElapsedTime(started));
            return Answer(transient ? 503 : 500, new InvokeResult().Log($"poison message could not be recorded: {ex.GetType().Name}"));
        }

        logger.PoisonRecorded(context.Name, reason);
        Observe(logger, o => o.Failed(context, "poison", reason));
        metrics.Poison(context.Name);
        metrics.Stage(context.Name, "poison", time.GetElapsedTime(started));
        return Answer(200, new InvokeResult().Log($"poison message recorded: {reason}"));
    }

    /// <summary>Observers never change an invocation's answer: one that throws is logged and ignored.</summary>
    private void Observe(ILogger logger, Action<IInvocationObserver> notify)
    {
        foreach (var observer in observers)
        {
            try
            {
                notify(observer);
            }
#pragma warning disable CA1031 // An observer's bug must not turn a handled message into a redelivery.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.ObserverFailed(ex, observer.GetType().Name);
            }
        }
    }

    private static IResult Answer(int status, InvokeResult result) => Results.Text(result.ToJson(), "application/json", statusCode: status);
}

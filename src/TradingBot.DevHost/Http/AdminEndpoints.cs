using System.Text;

namespace TradingBot.DevHost.Http;

/// <summary>
/// The host's own endpoints under <c>/admin</c> (a path the Functions host reserves; the key is required):
/// <list type="bullet">
/// <item><c>GET /admin/host/status</c>: handler state, functions, invocation counts, Service Bus counts.</item>
/// <item><c>GET /admin/servicebus</c>: per subscription waiting/locked/dead-lettered counts.</item>
/// <item><c>GET /admin/servicebus/deadletters</c> and <c>…/{topic}/{subscription}/deadletters</c>: dead-lettered messages with reason and body.</item>
/// <item><c>POST /admin/servicebus/{topic}/{subscription}/deadletters/{sequenceNumber}/resubmit</c> (or <c>…/deadletters/resubmit</c> for all).</item>
/// <item><c>POST /admin/functions/{name}</c>: run a timer function now (as the host's admin API does).</item>
/// <item><c>POST /admin/handler/restart</c>: kill the handler; it is restarted (fault injection by hand).</item>
/// </list>
/// </summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app, HostComponents host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        var admin = app.MapGroup("/admin");
        admin.MapGet("/host/status", () => TypedResults.Json(new
        {
            state = host.Handler.Failed.IsCompleted ? "Error" : host.Handler.Ready.IsCompletedSuccessfully ? "Running" : "Initialized",
            error = host.Handler.Failed.IsCompleted ? host.Handler.Failed.Result : null,
            handler = new { starts = host.Handler.Starts, startupMilliseconds = host.Handler.LastStartupTime?.TotalMilliseconds },
            time = host.Clock.GetUtcNow(),
            functions = host.App.Functions.Select(f => new { name = f.Name, trigger = f.Trigger.Type }),
            disabled = host.App.Disabled,
            invocations = host.Statistics.Snapshot().ToDictionary(kv => kv.Key,
                kv => new { succeeded = kv.Value.Succeeded, failed = kv.Value.Failed, totalMilliseconds = kv.Value.Total.TotalMilliseconds }),
            serviceBus = host.Broker.Statistics(),
        }));
        admin.MapGet("/servicebus", () => TypedResults.Json(host.Broker.Statistics()));
        admin.MapGet("/servicebus/deadletters", () => TypedResults.Json(
            host.Broker.Statistics().SelectMany(s => host.Broker.DeadLetters(s.Topic, s.Subscription)).Select(View)));
        admin.MapGet("/servicebus/{topic}/{subscription}/deadletters", (string topic, string subscription) =>
            Known(host, topic, subscription) ? Results.Json(host.Broker.DeadLetters(topic, subscription).Select(View)) : Results.NotFound());
        admin.MapPost("/servicebus/{topic}/{subscription}/deadletters/{sequenceNumber:long}/resubmit", (string topic, string subscription, long sequenceNumber) =>
            Known(host, topic, subscription) && host.Broker.Resubmit(topic, subscription, sequenceNumber)
                ? Results.Json(new { resubmitted = 1 })
                : Results.NotFound());
        admin.MapPost("/servicebus/{topic}/{subscription}/deadletters/resubmit", (string topic, string subscription) =>
        {
            if (!Known(host, topic, subscription))
            {
                return Results.NotFound();
            }

            var count = host.Broker.DeadLetters(topic, subscription).Count(m => host.Broker.Resubmit(topic, subscription, m.SequenceNumber));
            return Results.Json(new { resubmitted = count });
        });
        admin.MapPost("/functions/{name}", async (string name, CancellationToken ct) =>
        {
            var timer = host.Timers.FirstOrDefault(t => string.Equals(t.Function.Name, name, StringComparison.OrdinalIgnoreCase));
            if (timer is null)
            {
                return Results.NotFound(new { error = $"'{name}' is not a timer function (timers: {string.Join(", ", host.Timers.Select(t => t.Function.Name))})." });
            }

            await timer.TriggerAsync(ct);
            return Results.Accepted();
        });
        admin.MapPost("/handler/restart", () =>
        {
            host.Handler.Kill();
            return Results.Accepted();
        });
        admin.Map("{**rest}", () => Results.NotFound());
    }

    private static bool Known(HostComponents host, string topic, string subscription) =>
        host.Broker.Statistics().Any(s => string.Equals(s.Topic, topic, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Subscription, subscription, StringComparison.OrdinalIgnoreCase));

    private static object View(ServiceBus.ReceivedMessage m) => new
    {
        topic = m.Topic,
        subscription = m.Subscription,
        sequenceNumber = m.SequenceNumber,
        messageId = m.MessageId,
        deliveryCount = m.DeliveryCount,
        enqueuedTime = m.EnqueuedTime,
        deadLetterReason = m.DeadLetterReason,
        deadLetterErrorDescription = m.DeadLetterErrorDescription,
        deadLetterSource = m.DeadLetterSource,
        body = Encoding.UTF8.GetString(m.Body.Span),
    };
}

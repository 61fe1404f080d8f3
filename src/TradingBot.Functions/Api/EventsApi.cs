using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Api.Security;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>GET /api/events</c>: server-sent events (<c>candle</c>, <c>signal</c>, <c>risk</c>, <c>order</c>, <c>fill</c>,
/// <c>position</c>, <c>strategy</c>, <c>backtest</c>, <c>error</c>), each with its sequence as the SSE id. A <c>ready</c>
/// event is sent at once (a client that does not see it promptly is behind a buffering proxy and should poll), a
/// comment every <see cref="ApiOptions.EventsHeartbeat"/>, and the stream ends after <see cref="ApiOptions.EventsMaxDuration"/>
/// (clients reconnect with <c>Last-Event-ID</c> and get what they missed, if still kept).
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", StreamAsync).RequireAuthorization(ApiRoles.Viewer).WithTags("Live").AddEndpointFilterFactory(QueryBinding.Filter)
            .WithSummary("Server-sent events of this instance (text/event-stream); resume with Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static async Task StreamAsync(HttpContext http, LiveEvents events, IOptions<ApiOptions> options, TimeProvider time, long? after)
    {
        var ct = http.RequestAborted;
        var resume = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = events.Subscribe(resume);
        await WriteAsync(http, $"retry: 3000\nevent: ready\ndata: {{\"resumedAfter\":{resume?.ToString(CultureInfo.InvariantCulture) ?? "null"}}}\n\n", ct);
        foreach (var item in subscription.Backlog)
        {
            await WriteAsync(http, Format(item), ct);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Value.EventsMaxDuration);
        try
        {
            while (!limit.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
                beat.CancelAfter(options.Value.EventsHeartbeat);
                try
                {
                    var item = await subscription.Reader.ReadAsync(beat.Token);
                    await WriteAsync(http, Format(item), limit.Token);
                }
                catch (OperationCanceledException) when (!limit.IsCancellationRequested)
                {
                    await WriteAsync(http, $": {time.GetUtcNow():O}\n\n", limit.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The stream reached its maximum duration: the client reconnects with Last-Event-ID.
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static string Format(LiveEvent item) =>
        $"id: {item.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: {item.Kind}\ndata: {{\"at\":\"{item.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"data\":{item.Data.GetRawText()}}}\n\n";

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await http.Response.Body.FlushAsync(ct);
    }
}

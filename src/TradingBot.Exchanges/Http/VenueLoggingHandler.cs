using Microsoft.Extensions.Logging;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// Logs each HTTP attempt to a venue as method, path, status and duration. Never the query string (Binance puts
/// the signature there), never headers (keys, signatures, JWTs), never bodies. IHttpClientFactory's own request
/// logging, which prints full URLs, is removed from venue clients in favour of this handler.
/// </summary>
public sealed class VenueLoggingHandler(string venue, ILogger<VenueLoggingHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = Elapsed(started);
            logger.VenueHttpCompleted(venue, request.Method.Method, path, (int)response.StatusCode, elapsed);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var elapsed = Elapsed(started);
            logger.VenueHttpFailed(venue, request.Method.Method, path, ex.GetType().Name, elapsed);
            throw;
        }
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}

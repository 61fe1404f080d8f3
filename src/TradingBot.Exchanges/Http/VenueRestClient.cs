using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// Sends <see cref="VenueRequest"/>s through the venue's named <see cref="HttpClient"/> (IHttpClientFactory: rate
/// limiter, resilience for idempotent requests, secret-safe logging) and turns every failure into a CCXT exception:
/// error responses through the venue's <see cref="VenueErrorMap"/>, timeouts into <see cref="RequestTimeout"/>,
/// transport failures and open circuits into <see cref="ExchangeNotAvailable"/>, unreadable JSON into
/// <see cref="BadResponse"/>. Order placements (<see cref="VenueRequest.PlacesOrder"/>) are serialised per client and
/// never retried; one that waits longer than <see cref="VenueOptions.PlacementQueueTimeout"/> behind the others is given
/// up unsent (<see cref="RateLimitExceeded"/>, "not sent"), so no placement can leave after its order was already
/// looked up as missing and resubmitted. Create it with <see cref="VenueRestClientFactory"/>.
/// </summary>
#pragma warning disable CA1001 // The order gate semaphore never allocates a wait handle (only WaitAsync), so there is nothing to dispose.
public sealed class VenueRestClient
#pragma warning restore CA1001
{
    private readonly IHttpClientFactory _factory;
    private readonly VenueErrorMap _errors;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _orderGate = new(1, 1);
    private readonly TimeSpan _placementQueueTimeout;

    internal VenueRestClient(string venue, Uri baseUrl, IHttpClientFactory factory, VenueErrorMap errors, TimeProvider time, TimeSpan placementQueueTimeout)
    {
        _time = time;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(placementQueueTimeout, TimeSpan.Zero);
        _placementQueueTimeout = placementQueueTimeout;
        ArgumentNullException.ThrowIfNull(baseUrl);
        Venue = venue;
        BaseUrl = baseUrl;
        _baseUrl = baseUrl.ToString().TrimEnd('/');
        _factory = factory;
        _errors = errors;
    }

    public string Venue { get; }

    public Uri BaseUrl { get; }

    public VenueErrorMap Errors => _errors;

    /// <summary>Sends the request; returns the successful response or throws the mapped CCXT exception.</summary>
    public async Task<VenueResponse> SendAsync(VenueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PlacesOrder)
        {
            await EnterPlacementQueueAsync(request, ct);
        }

        try
        {
            return await SendOnceAsync(request, ct);
        }
        finally
        {
            if (request.PlacesOrder)
            {
                _orderGate.Release();
            }
        }
    }

    /// <summary>
    /// Waits for the placements ahead of this one, at most <see cref="VenueOptions.PlacementQueueTimeout"/> (on the
    /// injected clock). A semaphore wait that is cancelled has not taken the gate, so the request was provably not sent:
    /// the failure says "not sent" (never "outcome unknown"), and the order can be looked up and resubmitted safely.
    /// </summary>
    private async Task EnterPlacementQueueAsync(VenueRequest request, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(_placementQueueTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            await _orderGate.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new RateLimitExceeded(
                $"{Venue} {request.Describe()}: not sent; earlier order placements on this client kept it waiting {_placementQueueTimeout.TotalSeconds:0.#} s, so it was given up before it left (the order does not exist at the venue)",
                ex) { Venue = Venue };
        }
    }

    /// <summary>
    /// Sends the request and deserialises the JSON body with <typeparamref name="T"/>'s generated contract in
    /// <paramref name="json"/>; an unreadable body is a <see cref="BadResponse"/>. The contract is looked up before the
    /// request leaves, so a type missing from the venue's JSON context fails without sending (an order is never placed
    /// and then found unreadable).
    /// </summary>
    public async Task<T> SendAsync<T>(VenueRequest request, JsonSerializerOptions json, CancellationToken ct)
    {
        var contract = JsonContracts.Of<T>(json);
        var response = await SendAsync(request, ct);
        return Deserialize(request, response.Body, contract);
    }

    /// <summary>Parses a body the way <see cref="SendAsync{T}(VenueRequest, JsonSerializerOptions, CancellationToken)"/> does (for venues that inspect the raw text first).</summary>
    public T Deserialize<T>(VenueRequest request, string body, JsonSerializerOptions json) => Deserialize(request, body, JsonContracts.Of<T>(json));

    private T Deserialize<T>(VenueRequest request, string body, JsonTypeInfo<T> contract)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return JsonSerializer.Deserialize(body, contract)
                ?? throw new NullResponse($"{Venue} {request.Describe()}: the venue returned an empty (null) response.") { Venue = Venue };
        }
        catch (JsonException ex)
        {
            throw new BadResponse($"{Venue} {request.Describe()}: the response could not be read as {typeof(T).Name}: {ex.Message}", ex) { Venue = Venue };
        }
    }

    private async Task<VenueResponse> SendOnceAsync(VenueRequest request, CancellationToken ct)
    {
        var described = request.Describe();
        using var message = new HttpRequestMessage(request.Method, BuildUri(request));
        message.Options.Set(VenueRequestOptions.Weight, request.Weight);
        message.Options.Set(VenueRequestOptions.NoRetry, !request.IsIdempotent);
        message.Options.Set(VenueRequestOptions.Description, described);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
        }

        var unknown = request.PlacesOrder ? VenueErrorMap.UnknownOutcome : "";
        HttpResponseMessage response;
        try
        {
            response = await _factory.CreateClient(Venue).SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (BaseError)
        {
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new RequestTimeout($"{Venue} {described}: no answer within {ex.Timeout.TotalSeconds:0.#} s{unknown}", ex) { Venue = Venue };
        }
        catch (OperationCanceledException ex)
        {
            throw new RequestTimeout($"{Venue} {described}: the request timed out{unknown}", ex) { Venue = Venue };
        }
        catch (BrokenCircuitException ex)
        {
            throw new ExchangeNotAvailable($"{Venue} {described}: not sent; too many recent failures opened the circuit breaker", ex) { Venue = Venue };
        }
        catch (RateLimiterRejectedException ex)
        {
            throw new RateLimitExceeded($"{Venue} {described}: not sent; too many concurrent requests", ex) { Venue = Venue, RetryAfter = ex.RetryAfter };
        }
        catch (HttpRequestException ex)
        {
            throw new ExchangeNotAvailable($"{Venue} {described}: the venue could not be reached ({ex.HttpRequestError}){unknown}", ex) { Venue = Venue };
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return new VenueResponse(response.StatusCode, response.Headers, body);
            }

            var retryAfter = VenueRateLimiter.RetryAfter(response, _time.GetUtcNow());
            throw _errors.Translate(Venue, described, (int)response.StatusCode, body, retryAfter, request.PlacesOrder);
        }
    }

    private Uri BuildUri(VenueRequest request) =>
        new(string.IsNullOrEmpty(request.Query) ? _baseUrl + request.Path : $"{_baseUrl}{request.Path}?{request.Query}");
}

namespace TradingBot.Exchanges.Http;

/// <summary>
/// One REST call to a venue. <see cref="Query"/> is the already encoded (and, when needed, signed) query string
/// without the leading <c>?</c>; it and <see cref="Headers"/> may carry signatures and keys, so neither is ever logged
/// or put into an exception message.
/// </summary>
public sealed record VenueRequest(HttpMethod Method, string Path)
{
    public string? Query { get; init; }

    /// <summary>The exact body bytes to send as text (signatures may cover it).</summary>
    public string? Body { get; init; }

    /// <summary><c>application/x-www-form-urlencoded</c> or <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra headers (API key, signature, JWT). Never logged.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request's cost in the venue's rate-limit unit (Binance request weight; 1 elsewhere).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>
    /// True for a call that creates an order: it is never retried automatically, order placements are serialised
    /// per client, and a timeout/5xx/transport failure means the outcome is unknown (reconcile by client order id).
    /// </summary>
    public bool PlacesOrder { get; init; }

    /// <summary>True for a call whose repetition is harmless (GETs); only these are retried on transient faults.</summary>
    public bool IsIdempotent => !PlacesOrder && (Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Options);

    /// <summary>What may be logged or shown about this request: method and path, never the query.</summary>
    public string Describe() => $"{Method} {Path}";
}

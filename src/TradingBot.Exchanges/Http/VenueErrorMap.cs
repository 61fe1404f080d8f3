using System.Globalization;
using TradingBot.Core.Exchange;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// Turns a venue's error response into the CCXT exception class, the way CCXT's <c>handleErrors</c> does: the body is
/// read by the venue's <paramref name="readBody"/>, then matched by exact message, by message fragment ("broad"), by
/// exact venue code, by the venue's own HTTP-status overrides, and finally by CCXT's status table
/// (<see cref="HttpStatusErrors"/>). Build one per venue, fluently:
/// <code>new VenueErrorMap(ReadBody).Code("-2010", m => new InvalidOrder(m)).Message("Duplicate order sent.", m => new DuplicateOrderId(m))</code>
/// </summary>
public sealed class VenueErrorMap(Func<string, VenueErrorBody?> readBody)
{
    /// <summary>Appended to the message of a failure after which an order may or may not exist at the venue.</summary>
    public const string UnknownOutcome = "; the order's outcome is unknown: look it up by its client order id before resending";

    private const int MaxRawBodyInMessage = 200;
    private readonly Dictionary<string, Func<string, BaseError>> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string, BaseError>> _messages = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, Func<string, BaseError>>> _broad = [];
    private readonly Dictionary<int, Func<string, BaseError>> _statuses = [];

    /// <summary>The venue code → class table (for tests that walk every documented code).</summary>
    public IReadOnlyCollection<string> Codes => _codes.Keys;

    public VenueErrorMap Code(string code, Func<string, BaseError> create)
    {
        _codes[code] = create;
        return this;
    }

    public VenueErrorMap Message(string exactMessage, Func<string, BaseError> create)
    {
        _messages[exactMessage] = create;
        return this;
    }

    public VenueErrorMap Broad(string fragment, Func<string, BaseError> create)
    {
        _broad.Add(new(fragment, create));
        return this;
    }

    /// <summary>A venue-specific meaning of an HTTP status, used before CCXT's generic table.</summary>
    public VenueErrorMap Status(int status, Func<string, BaseError> create)
    {
        _statuses[status] = create;
        return this;
    }

    /// <summary>
    /// The exception for an error response. <paramref name="request"/> is the log-safe description (method and path).
    /// When <paramref name="placesOrder"/> and the failure does not prove the order was refused (5xx, timeouts), the
    /// message says the outcome is unknown.
    /// </summary>
    public BaseError Translate(string venue, string request, int status, string? body, TimeSpan? retryAfter = null, bool placesOrder = false)
    {
        VenueErrorBody? parsed = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                parsed = readBody(body);
            }
#pragma warning disable CA1031 // A body we cannot read is reported as raw text below; it must not hide the HTTP error.
            catch (Exception)
#pragma warning restore CA1031
            {
                parsed = null;
            }
        }

        var venueMessage = parsed?.Message;
        var code = parsed?.Code;
        var text = venueMessage ?? Shorten(body) ?? "(empty response)";
        var message = $"{venue} {request}: {text} ({(code is null ? "" : $"code {code}, ")}HTTP {status.ToString(CultureInfo.InvariantCulture)})";
        var error = Match(code, venueMessage, status)?.Invoke(message) ?? HttpStatusErrors.FromStatus(status, message);
        if (placesOrder && (status >= 500 || status == 408) && error is RequestTimeout or ExchangeNotAvailable)
        {
            error = error is RequestTimeout
                ? new RequestTimeout(message + UnknownOutcome)
                : new ExchangeNotAvailable(message + UnknownOutcome);
        }

        error.Venue = venue;
        error.VenueCode = code ?? status.ToString(CultureInfo.InvariantCulture);
        switch (error)
        {
            case RateLimitExceeded limited:
                limited.RetryAfter ??= retryAfter;
                break;
            case DDoSProtection banned:
                banned.RetryAfter ??= retryAfter;
                break;
        }

        return error;
    }

    private Func<string, BaseError>? Match(string? code, string? message, int status)
    {
        if (message is not null)
        {
            if (_messages.TryGetValue(message, out var exact))
            {
                return exact;
            }

            foreach (var (fragment, create) in _broad)
            {
                if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    return create;
                }
            }
        }

        if (code is not null && _codes.TryGetValue(code, out var byCode))
        {
            return byCode;
        }

        return _statuses.GetValueOrDefault(status);
    }

    private static string? Shorten(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= MaxRawBodyInMessage ? flat : string.Concat(flat.AsSpan(0, MaxRawBodyInMessage), "…");
    }
}

using TradingBot.Core.Exchange;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// CCXT's HTTP-status fallback, used when a venue's body says nothing more specific: 401/407/511 →
/// AuthenticationError; 418 → DDoSProtection; 429 → RateLimitExceeded; 408/504 → RequestTimeout; 422 →
/// ExchangeError; 400/403/404/405/409/410/451/500/501/502/503/520-526/530 → ExchangeNotAvailable. Anything else:
/// ExchangeNotAvailable for 5xx, ExchangeError otherwise.
/// </summary>
public static class HttpStatusErrors
{
    public static BaseError FromStatus(int status, string message) => status switch
    {
        401 or 407 or 511 => new AuthenticationError(message),
        418 => new DDoSProtection(message),
        429 => new RateLimitExceeded(message),
        408 or 504 => new RequestTimeout(message),
        422 => new ExchangeError(message),
        400 or 403 or 404 or 405 or 409 or 410 or 451 or 500 or 501 or 502 or 503 or (>= 520 and <= 526) or 530 => new ExchangeNotAvailable(message),
        >= 500 => new ExchangeNotAvailable(message),
        _ => new ExchangeError(message),
    };
}

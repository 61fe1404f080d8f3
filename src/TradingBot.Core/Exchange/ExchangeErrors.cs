// CCXT's error hierarchy (current version), one exception type per CCXT class and with CCXT's names, so that
// traders recognise them. Kept in one file like CCXT's errors module: the tree is easier to review in one place.

namespace TradingBot.Core.Exchange;

/// <summary>Marker for documentation: the CCXT-shaped exception types live in this namespace.</summary>
public static class ExchangeErrors
{
    /// <summary>True for failures that may succeed on retry (network, rate limit, venue down, timeout).</summary>
    public static bool IsTransient(Exception exception) => exception is OperationFailed;
}

/// <summary>CCXT <c>BaseError</c>: every venue failure. <see cref="Venue"/> and <see cref="VenueCode"/> say where and what.</summary>
public class BaseError(string message, Exception? inner = null) : Exception(message, inner)
{
    // Settable (not init) so that an adapter's error table can create the CCXT class from a plain factory and then
    // stamp where it came from.

    /// <summary>The venue id (<c>binance</c>...), when known.</summary>
    public string? Venue { get; set; }

    /// <summary>The venue's own error code or HTTP status, when known (e.g. <c>-2010</c>).</summary>
    public string? VenueCode { get; set; }
}

/// <summary>The venue answered and refused: retrying the same request will not help.</summary>
public class ExchangeError(string message, Exception? inner = null) : BaseError(message, inner);

public class AuthenticationError(string message, Exception? inner = null) : ExchangeError(message, inner);

public class PermissionDenied(string message, Exception? inner = null) : AuthenticationError(message, inner);

public class AccountNotEnabled(string message, Exception? inner = null) : PermissionDenied(message, inner);

public class AccountSuspended(string message, Exception? inner = null) : AuthenticationError(message, inner);

public class ArgumentsRequired(string message, Exception? inner = null) : ExchangeError(message, inner);

public class BadRequest(string message, Exception? inner = null) : ExchangeError(message, inner);

public class BadSymbol(string message, Exception? inner = null) : BadRequest(message, inner);

public class OperationRejected(string message, Exception? inner = null) : ExchangeError(message, inner);

public class NoChange(string message, Exception? inner = null) : OperationRejected(message, inner);

public class MarginModeAlreadySet(string message, Exception? inner = null) : NoChange(message, inner);

public class MarketClosed(string message, Exception? inner = null) : OperationRejected(message, inner);

public class ManualInteractionNeeded(string message, Exception? inner = null) : OperationRejected(message, inner);

public class RestrictedLocation(string message, Exception? inner = null) : OperationRejected(message, inner);

public class InsufficientFunds(string message, Exception? inner = null) : ExchangeError(message, inner);

public class InvalidAddress(string message, Exception? inner = null) : ExchangeError(message, inner);

public class AddressPending(string message, Exception? inner = null) : InvalidAddress(message, inner);

public class InvalidOrder(string message, Exception? inner = null) : ExchangeError(message, inner);

public class OrderNotFound(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class OrderNotCached(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class OrderImmediatelyFillable(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class OrderNotFillable(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class DuplicateOrderId(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class ContractUnavailable(string message, Exception? inner = null) : InvalidOrder(message, inner);

public class NotSupported(string message, Exception? inner = null) : ExchangeError(message, inner);

public class InvalidProxySettings(string message, Exception? inner = null) : ExchangeError(message, inner);

public class ExchangeClosedByUser(string message, Exception? inner = null) : ExchangeError(message, inner);

/// <summary>The operation did not complete for a reason that may go away: retryable (but see order placement).</summary>
public class OperationFailed(string message, Exception? inner = null) : BaseError(message, inner);

public class NetworkError(string message, Exception? inner = null) : OperationFailed(message, inner);

public class DDoSProtection(string message, Exception? inner = null) : NetworkError(message, inner)
{
    /// <summary>How long the venue asked us to stay away (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; set; }
}

public class RateLimitExceeded(string message, Exception? inner = null) : NetworkError(message, inner)
{
    /// <summary>How long the venue asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; set; }
}

public class ExchangeNotAvailable(string message, Exception? inner = null) : NetworkError(message, inner);

public class OnMaintenance(string message, Exception? inner = null) : ExchangeNotAvailable(message, inner);

public class InvalidNonce(string message, Exception? inner = null) : NetworkError(message, inner);

public class ChecksumError(string message, Exception? inner = null) : InvalidNonce(message, inner);

public class RequestTimeout(string message, Exception? inner = null) : NetworkError(message, inner);

public class BadResponse(string message, Exception? inner = null) : OperationFailed(message, inner);

public class NullResponse(string message, Exception? inner = null) : BadResponse(message, inner);

public class CancelPending(string message, Exception? inner = null) : OperationFailed(message, inner);

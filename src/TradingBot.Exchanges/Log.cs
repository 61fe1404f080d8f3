using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Exchanges;

/// <summary>Every log event of the venue adapters. Placeholders never carry keys, signatures, query strings or JWTs.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Venue} {Method} {Path} -> HTTP {Status} in {ElapsedMs} ms")]
    public static partial void VenueHttpCompleted(this ILogger logger, string venue, string method, string path, int status, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} {Method} {Path} failed with {ErrorType} after {ElapsedMs} ms")]
    public static partial void VenueHttpFailed(this ILogger logger, string venue, string method, string path, string errorType, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} {Request}: {ErrorType} {Code}: {Reason}")]
    public static partial void VenueRejected(this ILogger logger, string venue, string request, string errorType, string? code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue}: clock offset to the venue is {OffsetMs} ms")]
    public static partial void ClockSynced(this ILogger logger, string venue, long offsetMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue}: timestamp rejected (code {Code}); resynchronising the clock and retrying once")]
    public static partial void TimestampRejected(this ILogger logger, string venue, string? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue}: order {ClientOrderId} {Side} {Amount} {Symbol} placed as {OrderId} ({Status})")]
    public static partial void OrderPlaced(this ILogger logger, string venue, string clientOrderId, OrderSide side, decimal? amount, Symbol symbol, string orderId,
        OrderStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue}: order {ClientOrderId} outcome unknown after {ErrorType}; looking it up by client order id")]
    public static partial void OrderOutcomeUnknown(this ILogger logger, string venue, string clientOrderId, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue}: order {ClientOrderId} was already at the venue as {OrderId}; returning it instead of placing it again")]
    public static partial void OrderAdopted(this ILogger logger, string venue, string clientOrderId, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue}: API key restrictions checked (trading {CanTrade}, withdrawals {CanWithdraw})")]
    public static partial void KeyRestrictionsChecked(this ILogger logger, string venue, bool canTrade, bool canWithdraw);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue}: market {MarketId} skipped: {Reason}")]
    public static partial void MarketSkipped(this ILogger logger, string venue, string marketId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue}: order {OrderId} was placed but could not be read back ({ErrorType}); returning what the venue acknowledged")]
    public static partial void OrderNotReadBack(this ILogger logger, string venue, string orderId, string errorType);
}

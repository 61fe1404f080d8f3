using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;

namespace TradingBot.Functions;

/// <summary>
/// Every log event of the function app. Each invocation's events carry its message id and correlation id through the
/// logging scope opened by <see cref="Invocation.FunctionInvoker"/>. Never a secret, key or signed request.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Invocation of {Function} rejected: not a host payload ({Reason})")]
    public static partial void InvalidInvocation(this ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed with {ErrorType} (transient: {Transient}, delivery {DeliveryCount})")]
    public static partial void InvocationFailed(this ILogger logger, Exception exception, string function, string errorType, bool transient, int? deliveryCount);

    /// <summary>A transient failure (storage busy, an ETag conflict, a venue timeout) that Service Bus redelivers: a warning without the stack trace.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} will be retried after {ErrorType} (transient, delivery {DeliveryCount})")]
    public static partial void InvocationRetried(this ILogger logger, string function, string errorType, int? deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: poison message recorded: {Reason}")]
    public static partial void PoisonRecorded(this ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Count} {Timeframe} candle(s) of {Symbol} on {Venue}, newest {LastOpenTime:o}")]
    public static partial void CandlesIngested(this ILogger logger, string venue, Symbol symbol, Timeframe timeframe, int count, DateTimeOffset lastOpenTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion of {Symbol} {Timeframe} on {Venue} skipped this run: {ErrorType}")]
    public static partial void IngestFailed(this ILogger logger, Exception exception, string venue, Symbol symbol, Timeframe timeframe, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candle {OpenTime:o} of {Symbol} on {Venue} rejected: {Reason}")]
    public static partial void CandleRejected(this ILogger logger, string venue, Symbol symbol, DateTimeOffset openTime, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of {Symbol} on {Venue} unusable (bid {Bid}, ask {Ask}); no sample taken")]
    public static partial void QuoteUnusable(this ILogger logger, string venue, Symbol symbol, decimal? bid, decimal? ask);

    [LoggerMessage(Level = LogLevel.Error, Message = "Strategy {StrategyId} is misconfigured and was skipped: {Reason}")]
    public static partial void StrategyMisconfigured(this ILogger logger, string strategyId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {StrategyId} warming up: {Have} of {Need} bars stored")]
    public static partial void StrategyWarmingUp(this ILogger logger, string strategyId, int have, int need);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {StrategyId} wants {Target} {Symbol} ({Reason}): signal {SignalId}")]
    public static partial void SignalRaised(this ILogger logger, string strategyId, Symbol symbol, TargetPosition target, string reason, string signalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk approved {Count} order(s) for {StrategyId} on {Symbol}: {Message}")]
    public static partial void OrderApproved(this ILogger logger, string strategyId, string symbol, int count, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk did not approve {StrategyId} on {Symbol} ({Code}): {Message}")]
    public static partial void OrderNotApproved(this ILogger logger, string strategyId, string symbol, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} claimed as {ClientOrderId} for {Venue} ({Account})")]
    public static partial void OrderClaimed(this ILogger logger, string orderId, string clientOrderId, string venue, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} already recorded ({State}): resuming, no new venue order")]
    public static partial void OrderResumed(this ILogger logger, string orderId, OrderState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is being submitted by another delivery")]
    public static partial void OrderInFlight(this ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: outcome unknown after {ErrorType}; looking it up by client order id")]
    public static partial void OrderOutcomeUnknown(this ILogger logger, string orderId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} refused by the venue ({ErrorType}): {VenueMessage}")]
    public static partial void OrderRejectedByVenue(this ILogger logger, string orderId, string errorType, string venueMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is {State}: {Filled} of {Amount} filled ({NewFills} new fill(s))")]
    public static partial void OrderRecorded(this ILogger logger, string orderId, OrderState state, decimal filled, decimal amount, int newFills);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} ({ClientOrderId}) was acknowledged by {Venue} but the venue no longer finds it")]
    public static partial void AcknowledgedOrderMissing(this ILogger logger, string orderId, string clientOrderId, string venue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} not found at the venue {Unseen} after submission: resubmitting as attempt {Attempt}")]
    public static partial void OrderResubmitting(this ILogger logger, string orderId, int attempt, TimeSpan unseen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} expired: {Reason}")]
    public static partial void OrderAbandoned(this ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {Count} recorded message(s) have not taken effect downstream since {UpdatedAt:O}; publishing them again (same ids)")]
    public static partial void OrderRepublished(this ILogger logger, string orderId, int count, DateTimeOffset updatedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling order {OrderId} failed this run: {ErrorType}")]
    public static partial void ReconcileFailed(this ILogger logger, Exception exception, string orderId, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fill {FillId} in {Account}: {Side} {Amount} {Symbol} at {Price} ({Outcome})")]
    public static partial void FillRecorded(this ILogger logger, string fillId, string account, Symbol symbol, OrderSide side, decimal amount, decimal price, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} status {State}, {Filled} filled (risk book updated: {RiskUpdated})")]
    public static partial void OrderStatusRecorded(this ILogger logger, string orderId, OrderState state, decimal filled, bool riskUpdated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation observer {Observer} failed")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Error, Message = "API {Method} {Path} failed with {ErrorType}")]
    public static partial void ApiFailed(this ILogger logger, Exception exception, string method, string path, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch engaged on {Account} by {By} (flatten: {Flatten})")]
    public static partial void KillSwitchEngaged(this ILogger logger, string account, bool flatten, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading resumed on {Account} ({Reason}) by {By}")]
    public static partial void TradingResumed(this ILogger logger, string account, string reason, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification to {Target} failed: {Reason}")]
    public static partial void NotificationFailed(this ILogger logger, string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} notification was dropped: the queue is full")]
    public static partial void NotificationDropped(this ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flatten requested on {Account}: exiting {Quantity} {Symbol} at market")]
    public static partial void FlattenExit(this ILogger logger, string account, Symbol symbol, decimal quantity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId}: {Strategy} on {Source}, {Bars} bars")]
    public static partial void BacktestRan(this ILogger logger, string backtestId, string strategy, string source, int bars);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the risk book of {Account} for new halts failed: {ErrorType}")]
    public static partial void HaltCheckFailed(this ILogger logger, string account, string errorType);
}

namespace TradingBot.DevHost;

/// <summary>Every log event of the DevHost. Never the API key, a connection string's key or a message body's secret.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the handler (pid {ProcessId}): {FileName} {Arguments} on port {Port}")]
    public static partial void HandlerStarting(this ILogger logger, int processId, string fileName, string arguments, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handler (pid {ProcessId}) ready at {Address} after {Milliseconds} ms")]
    public static partial void HandlerReady(this ILogger logger, int processId, Uri address, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler (pid {ProcessId}) did not answer GET / within {Seconds} s; killing it")]
    public static partial void HandlerNotReady(this ILogger logger, int processId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler exited with code {ExitCode} ({Reason}); restarting it")]
    public static partial void HandlerRestarting(this ILogger logger, int exitCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault injection: killing the handler (pid {ProcessId})")]
    public static partial void HandlerKilled(this ILogger logger, int processId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}")]
    public static partial void HandlerGaveUp(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    public static partial void HandlerOutput(this ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    public static partial void HandlerWarning(this ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
    public static partial void HandlerError(this ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} ({InvocationId}): {Line}")]
    public static partial void InvocationLog(this ILogger logger, string function, string invocationId, string line);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Function} ran (past due: {IsPastDue}), {Sent} message(s) sent")]
    public static partial void TimerRan(this ILogger logger, string function, bool isPastDue, int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function} failed: {Reason} (not retried; next run on schedule)")]
    public static partial void TimerFailed(this ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} stopped receiving: {Reason}")]
    public static partial void ReceiveFailed(this ILogger logger, string function, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: delivery {DeliveryCount} of message {MessageId} failed, abandoned: {Reason}")]
    public static partial void DeliveryFailed(this ILogger logger, string function, string messageId, int deliveryCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: the lock of message {MessageId} (#{SequenceNumber}) was lost; it will be delivered again")]
    public static partial void LockLost(this ILogger logger, string function, string messageId, long sequenceNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault injection: delivering message {MessageId} to {Function} twice at once")]
    public static partial void DuplicateInjected(this ILogger logger, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {Count} message(s) in {Subscription}: inspect with GET /admin/servicebus/deadletters")]
    public static partial void DeadLettered(this ILogger logger, string subscription, int count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Last 10 s: {Candles} candle(s), {Signals} signal(s), {Orders} order(s), {Fills} execution report(s); {Waiting} message(s) waiting, {DeadLetters} dead-lettered")]
    public static partial void Activity(this ILogger logger, long candles, long signals, long orders, long fills, int waiting, int deadLetters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite {Mode} on 127.0.0.1 (blob {BlobPort}, queue {QueuePort}, table {TablePort}){Location}")]
    public static partial void AzuriteStarted(this ILogger logger, string mode, int blobPort, int queuePort, int tablePort, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    public static partial void AzuriteOutput(this ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage is configured ({Setting}); not starting Azurite")]
    public static partial void StorageConfigured(this ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Count} Service Bus message(s) from {File}")]
    public static partial void BrokerRestored(this ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} saved Service Bus message(s) belong to topics or subscriptions no longer in the topology and were not restored")]
    public static partial void BrokerDropped(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo configuration: {Markets} market(s), {Strategies} strateg(ies)")]
    public static partial void Seeded(this ILogger logger, int markets, int strategies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: {Step}")]
    public static partial void ShuttingDown(this ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The stored data comes from a faster run whose clock reached {Time:o}, ahead of real time: ingestion resumes once real time passes it (or run with --reset)")]
    public static partial void ClockAhead(this ILogger logger, DateTimeOffset time);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} -> {StatusCode}")]
    public static partial void FrontRequest(this ILogger logger, string method, string path, int statusCode);
}

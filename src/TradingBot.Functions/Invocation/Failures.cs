using Azure;
using TradingBot.Core.Exchange;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// Which failures are transient (storage or venue outage, lost race, timeout): answered non-2xx so Service Bus
/// redelivers. Everything else that escapes a function is a bug or a permanent condition.
/// </summary>
public static class Failures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException storage => storage.Status is 0 or 408 or 409 or 412 or 429 or >= 500,
        ConcurrencyConflictException => true,
        OperationFailed => true,
        HttpRequestException or TimeoutException or IOException => true,
        TaskCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}

namespace TradingBot.DevHost.ServiceBus;

/// <summary>System dead-letter reasons Service Bus uses (service-bus-tables-reliability.md §1.4).</summary>
public static class DeadLetterReasons
{
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
    public const string TtlExpired = "TTLExpiredException";
}

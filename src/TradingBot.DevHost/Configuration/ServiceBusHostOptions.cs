namespace TradingBot.DevHost.Configuration;

/// <summary>host.json <c>extensions.serviceBus</c> (extension 5.x) as far as a custom handler is concerned.</summary>
public sealed record ServiceBusHostOptions
{
    /// <summary>Concurrent invocations per Service Bus triggered function (the extension's default is 16).</summary>
    public int MaxConcurrentCalls { get; init; } = 16;

    /// <summary>How long the host keeps renewing the lock of a message whose invocation is still running.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; init; } = TimeSpan.FromMinutes(5);

    public bool AutoCompleteMessages { get; init; } = true;
}

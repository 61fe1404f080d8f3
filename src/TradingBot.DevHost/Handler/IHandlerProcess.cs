namespace TradingBot.DevHost.Handler;

/// <summary>The running handler as the rest of the host sees it (the HTTP front, the admin endpoints).</summary>
public interface IHandlerProcess
{
    /// <summary>Completes with the handler's base address once it answers; faults when the host gave up on it.</summary>
    Task<Uri> Ready { get; }

    /// <summary>Completes when the handler is gone for good, with the reason.</summary>
    Task<string> Failed { get; }

    int Starts { get; }

    TimeSpan? LastStartupTime { get; }

    /// <summary>Kills the handler; it is restarted.</summary>
    void Kill();
}

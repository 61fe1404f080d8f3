namespace TradingBot.DevHost.Faults;

/// <summary>
/// Chaos switches for tests and demos (service-bus-tables-reliability.md §1.11 #14–#15). All off by default.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Share of Service Bus deliveries that are handed to a second receiver at the same time (a forced duplicate delivery).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Share of invocations counted as failed after the handler answered (its outputs are discarded; Service Bus redelivers).</summary>
    public double FailRate { get; init; }

    /// <summary>Extra delay before each invocation.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Kill the handler process at this interval (it is restarted like after a crash).</summary>
    public TimeSpan? KillEvery { get; init; }

    /// <summary>Deliver the available messages in random order instead of sequence order.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed of the random choices, so a chaos run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    public bool Any => DuplicateRate > 0 || FailRate > 0 || Delay > TimeSpan.Zero || KillEvery is not null || Shuffle;

    public override string ToString() =>
        string.Join(", ", new[]
        {
            DuplicateRate > 0 ? $"duplicate {DuplicateRate:P0} of deliveries" : null,
            FailRate > 0 ? $"fail {FailRate:P0} of invocations" : null,
            Delay > TimeSpan.Zero ? $"delay {Delay.TotalMilliseconds:0} ms" : null,
            KillEvery is { } kill ? $"kill the handler every {kill.TotalSeconds:0} s" : null,
            Shuffle ? "shuffle delivery order" : null,
        }.Where(s => s is not null));
}

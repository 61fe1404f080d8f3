namespace TradingBot.DevHost.Faults;

/// <summary>Draws the seeded random decisions of <see cref="FaultOptions"/> (thread-safe).</summary>
public sealed class FaultInjector(FaultOptions options)
{
    private readonly Random _random = new(options.Seed);

    public FaultOptions Options { get; } = options;

    public bool Duplicate() => Options.DuplicateRate > 0 && Next() < Options.DuplicateRate;

    public bool Fail() => Options.FailRate > 0 && Next() < Options.FailRate;

    /// <summary>An index in [0, count) for shuffle mode.</summary>
    public int Pick(int count)
    {
        lock (_random)
        {
            return _random.Next(count);
        }
    }

    private double Next()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}

using System.Collections.Concurrent;

namespace TradingBot.DevHost.Handler;

/// <summary>Invocation counts and durations per function since start (the admin status and the benchmark read them).</summary>
public sealed class InvocationStatistics
{
    private readonly ConcurrentDictionary<string, Counter> _functions = new(StringComparer.Ordinal);

    public void Record(string function, bool succeeded, TimeSpan duration)
    {
        var counter = _functions.GetOrAdd(function, _ => new Counter());
        if (succeeded)
        {
            Interlocked.Increment(ref counter.Succeeded);
        }
        else
        {
            Interlocked.Increment(ref counter.Failed);
        }

        Interlocked.Add(ref counter.Ticks, duration.Ticks);
    }

    public IReadOnlyDictionary<string, (long Succeeded, long Failed, TimeSpan Total)> Snapshot() =>
        _functions.ToDictionary(kv => kv.Key, kv => (Interlocked.Read(ref kv.Value.Succeeded), Interlocked.Read(ref kv.Value.Failed),
            TimeSpan.FromTicks(Interlocked.Read(ref kv.Value.Ticks))), StringComparer.Ordinal);

    private sealed class Counter
    {
        public long Succeeded;
        public long Failed;
        public long Ticks;
    }
}

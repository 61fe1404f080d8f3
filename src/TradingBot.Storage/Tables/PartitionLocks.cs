using System.Collections.Concurrent;

namespace TradingBot.Storage.Tables;

/// <summary>
/// In-process mutual exclusion per key. ETags remain the cross-process guarantee; this only keeps writers of the
/// same partition in one process from racing (and makes Azurite, which ignores If-Match inside batches, behave).
/// </summary>
public sealed class PartitionLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

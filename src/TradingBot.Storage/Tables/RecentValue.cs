namespace TradingBot.Storage.Tables;

/// <summary>
/// What this process last read or wrote of something stored (a small table, a row), and when, for callers that may
/// act on a value up to some age. A read only stands for the stored value if no write of this process overlapped it:
/// a slower read that began before a write must not replace what the write left. Thread-safe.
/// </summary>
public sealed class RecentValue<T>
{
    private readonly Lock _gate = new();
    private (T Value, DateTimeOffset At)? _last;
    private long _version;

    /// <summary>
    /// The value if it was read or written at most <paramref name="maxAge"/> ago (<see cref="TimeSpan.MaxValue"/>: any
    /// age); else <paramref name="read"/> it now (zero: always) and remember it.
    /// </summary>
    public async Task<T> GetAsync(TimeProvider time, TimeSpan maxAge, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(read);
        var now = time.GetUtcNow();
        long version;
        lock (_gate)
        {
            if (maxAge > TimeSpan.Zero && _last is { } last && now - last.At <= maxAge)
            {
                return last.Value;
            }

            version = _version;
        }

        var value = await read();
        lock (_gate)
        {
            if (_version == version)
            {
                _last = (value, now);
            }
        }

        return value;
    }

    /// <summary>This process stored <paramref name="value"/> (<paramref name="at"/>: when the write began).</summary>
    public void Written(T value, DateTimeOffset at)
    {
        lock (_gate)
        {
            _last = (value, at);
            _version++;
        }
    }

    /// <summary>
    /// This process changed part of the stored value as <paramref name="change"/> describes: applied to what is remembered,
    /// which keeps the age of its read (what others wrote since is no better known than before). Nothing remembered:
    /// nothing to change. A read overlapping the change is not remembered.
    /// </summary>
    public void Update(Func<T, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_last is { } last)
            {
                _last = (change(last.Value), last.At);
            }

            _version++;
        }
    }

    /// <summary>The stored value changed, or may have (a failed or unknown write): forget it.</summary>
    public void Changed()
    {
        lock (_gate)
        {
            _last = null;
            _version++;
        }
    }
}

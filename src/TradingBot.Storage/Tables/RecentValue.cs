namespace TradingBot.Storage.Tables;

/// <summary>Marks of moments in this process, shared by every <see cref="RecentValue{T}"/>.</summary>
public static class RecentValue
{
    private static long s_marks;

    /// <summary>
    /// A mark of this moment (marks only grow): <see cref="RecentValue{T}.GetSinceAsync"/> with it accepts only a value read
    /// or written after it.
    /// </summary>
    public static long Mark() => Interlocked.Increment(ref s_marks);
}

/// <summary>
/// What this process last read or wrote of something stored (a small table, a row), and when, for callers that may
/// act on a value up to some age. A read only stands for the stored value if no write of this process overlapped it:
/// a slower read that began before a write must not replace what the write left. Thread-safe.
/// </summary>
public sealed class RecentValue<T>
{
    private readonly Lock _gate = new();
    private (T Value, DateTimeOffset At, long Mark)? _last;
    private long _version;

    /// <summary>
    /// The value if it was read or written at most <paramref name="maxAge"/> ago (<see cref="TimeSpan.MaxValue"/>: any
    /// age); else <paramref name="read"/> it now (zero: always) and remember it.
    /// </summary>
    public Task<T> GetAsync(TimeProvider time, TimeSpan maxAge, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return GetAsync(last => maxAge > TimeSpan.Zero && now - last.At <= maxAge, now, read);
    }

    /// <summary>
    /// The value if its read began (or its write ended) after <paramref name="since"/>, a <see cref="RecentValue.Mark"/> the
    /// caller took when it arrived, at most <paramref name="maxAge"/> ago, and nothing this process wrote has changed it
    /// since: another caller's read that began once this one was waiting, a moment ago, tells it about as much as a read of
    /// its own would (as if it had run when that read began); else <paramref name="read"/> it now and remember it. Callers
    /// queued behind one another share one read this way.
    /// </summary>
    public Task<T> GetSinceAsync(long since, TimeSpan maxAge, TimeProvider time, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return GetAsync(last => last.Mark > since && now - last.At <= maxAge, now, read);
    }

    private async Task<T> GetAsync(Func<(T Value, DateTimeOffset At, long Mark), bool> usable, DateTimeOffset now, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        long version;
        long mark;
        lock (_gate)
        {
            if (_last is { } last && usable(last))
            {
                return last.Value;
            }

            version = _version;
            mark = RecentValue.Mark();
        }

        var value = await read();
        lock (_gate)
        {
            if (_version == version)
            {
                _last = (value, now, mark);
            }
        }

        return value;
    }

    /// <summary>This process stored <paramref name="value"/> (<paramref name="at"/>: when the write began).</summary>
    public void Written(T value, DateTimeOffset at)
    {
        lock (_gate)
        {
            _last = (value, at, RecentValue.Mark());
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
                _last = (change(last.Value), last.At, last.Mark);
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

namespace TradingBot.Core.Time;

/// <summary>
/// A wall clock that runs <see cref="Speed"/> times faster than <paramref name="inner"/>:
/// <c>now = start + (inner.now − anchor) × speed</c>. Used by the local demo (DevHost <c>--speed</c>) so the simulated
/// market closes a 1-minute candle every second at speed 60. Every process of one run (the DevHost and the handler)
/// gets the same anchor, start and speed, so they agree on the time. Timestamps (<see cref="GetTimestamp"/>, for
/// measuring durations) and timers stay on the inner clock: only the calendar time is scaled.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;

    public ScaledTimeProvider(TimeProvider inner, DateTimeOffset anchor, DateTimeOffset start, double speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The clock speed must be a positive number.");
        }

        _inner = inner;
        Anchor = anchor.ToUniversalTime();
        Start = start.ToUniversalTime();
        Speed = speed;
    }

    /// <summary>The inner clock's time at which this clock showed <see cref="Start"/>.</summary>
    public DateTimeOffset Anchor { get; }

    /// <summary>This clock's time at <see cref="Anchor"/>.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How many seconds pass on this clock per second of the inner clock.</summary>
    public double Speed { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Start + Scale(_inner.GetUtcNow() - Anchor);

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>How long the inner clock takes for <paramref name="scaled"/> to pass on this clock.</summary>
    public TimeSpan ToInner(TimeSpan scaled) => TimeSpan.FromTicks(checked((long)(scaled.Ticks / Speed)));

    private TimeSpan Scale(TimeSpan elapsed) => TimeSpan.FromTicks(checked((long)(elapsed.Ticks * Speed)));
}

using System.Globalization;

namespace TradingBot.Core.Market;

/// <summary>A candle interval in CCXT notation: <c>1m</c>, <c>5m</c>, <c>1h</c>, <c>4h</c>, <c>1d</c>, <c>1w</c>.</summary>
public readonly record struct Timeframe
{
    public Timeframe(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A timeframe is a positive whole number of seconds.");
        }

        Duration = duration;
    }

    public TimeSpan Duration { get; }

    public static Timeframe OneMinute { get; } = new(TimeSpan.FromMinutes(1));

    public static Timeframe OneHour { get; } = new(TimeSpan.FromHours(1));

    public static Timeframe OneDay { get; } = new(TimeSpan.FromDays(1));

    private static DateTimeOffset FirstMonday { get; } = new(1970, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static Timeframe Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var unit = text[^1];
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new FormatException($"'{text}' is not a timeframe; expected e.g. 1m, 15m, 1h, 1d.");
        }

        try
        {
            return unit switch
            {
                's' => new Timeframe(TimeSpan.FromSeconds(count)),
                'm' => new Timeframe(TimeSpan.FromMinutes(count)),
                'h' => new Timeframe(TimeSpan.FromHours(count)),
                'd' => new Timeframe(TimeSpan.FromDays(count)),
                'w' => new Timeframe(TimeSpan.FromDays(7L * count)),
                _ => throw new FormatException($"'{text}' has an unknown unit '{unit}'; use s, m, h, d or w."),
            };
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            throw new FormatException($"'{text}' is too long for a timeframe.", ex);
        }
    }

    /// <summary>
    /// The start of the interval that contains <paramref name="time"/>, in UTC. Intervals are aligned to the Unix
    /// epoch, except whole weeks, which start on Monday 00:00 UTC like the weekly candles of exchanges and charting
    /// tools (the epoch itself was a Thursday).
    /// </summary>
    public DateTimeOffset Floor(DateTimeOffset time)
    {
        var origin = Duration.Ticks % TimeSpan.TicksPerDay == 0 && Duration.Days % 7 == 0 ? FirstMonday : DateTimeOffset.UnixEpoch;
        var ticks = time.UtcTicks - origin.UtcTicks;
        var floored = ticks - (((ticks % Duration.Ticks) + Duration.Ticks) % Duration.Ticks);
        return origin.AddTicks(floored);
    }

    public override string ToString()
    {
        var seconds = (long)Duration.TotalSeconds;
        return seconds switch
        {
            _ when seconds % 604800 == 0 => $"{seconds / 604800}w",
            _ when seconds % 86400 == 0 => $"{seconds / 86400}d",
            _ when seconds % 3600 == 0 => $"{seconds / 3600}h",
            _ when seconds % 60 == 0 => $"{seconds / 60}m",
            _ => $"{seconds}s",
        };
    }
}

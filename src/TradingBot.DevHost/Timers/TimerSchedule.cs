using System.Globalization;
using Cronos;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost.Timers;

/// <summary>
/// A timer trigger's schedule (functions-custom-handler.md §2.1): a 6-field NCRONTAB expression
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c> evaluated in UTC (Cronos), or a <c>hh:mm:ss</c> interval.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(string text, CronExpression? cron, TimeSpan? interval)
    {
        Text = text;
        _cron = cron;
        _interval = interval;
    }

    public string Text { get; }

    public static TimerSchedule Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 1 && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval))
        {
            return interval > TimeSpan.Zero
                ? new TimerSchedule(trimmed, null, interval)
                : throw new ConfigurationException($"{where}: the interval '{text}' must be positive.");
        }

        if (fields.Length != 6)
        {
            throw new ConfigurationException(
                $"{where}: '{text}' is not a 6-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}), e.g. '0 */1 * * * *'.");
        }

        try
        {
            return new TimerSchedule(trimmed, CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds), null);
        }
        catch (CronFormatException ex)
        {
            throw new ConfigurationException($"{where}: '{text}' is not a valid NCRONTAB expression: {ex.Message}", ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        if (_interval is { } interval)
        {
            return after + interval;
        }

        return _cron!.GetNextOccurrence(after.ToUniversalTime(), TimeZoneInfo.Utc, inclusive: false)
            ?? throw new InvalidOperationException($"The schedule '{Text}' has no occurrence after {after:O}.");
    }

    public override string ToString() => Text;
}

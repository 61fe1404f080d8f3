using System.Globalization;

namespace TradingBot.DevHost.Timers;

/// <summary>
/// The app clock's time when the last run stopped (<c>.devhost/clock.txt</c>). A faster clock (<c>--speed</c>) runs
/// ahead of real time; the next run resumes from where it stopped (never earlier than now), so stored candles,
/// cursors and orders stay in the past of the clock.
/// </summary>
public static class ClockState
{
    public static DateTimeOffset? Load(string? file)
    {
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        var text = File.ReadAllText(file).Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new Configuration.ConfigurationException($"{file}: '{text}' is not a time; delete the file (or run with --reset).");
    }

    public static void Save(string? file, DateTimeOffset time)
    {
        if (file is null)
        {
            return;
        }

        var temporary = file + ".tmp";
        File.WriteAllText(temporary, time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        File.Move(temporary, file, overwrite: true);
    }
}

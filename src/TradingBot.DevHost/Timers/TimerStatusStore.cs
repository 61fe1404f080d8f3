using System.Text.Json;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Timers;

/// <summary>
/// The schedule status of monitored timers (<c>useMonitor</c>), kept where the host keeps it between restarts (in
/// Azure a blob per timer; locally a JSON file in the DevHost's data folder, or memory for throwaway runs), so a
/// run missed while the DevHost was down fires once with <c>IsPastDue = true</c>.
/// </summary>
public sealed class TimerStatusStore(string? file)
{
    private readonly Dictionary<string, TimerScheduleStatus> _statuses = Load(file);

    public TimerScheduleStatus? Get(string function)
    {
        lock (_statuses)
        {
            return _statuses.GetValueOrDefault(function);
        }
    }

    public void Set(string function, TimerScheduleStatus status)
    {
        lock (_statuses)
        {
            _statuses[function] = status;
            if (file is not null)
            {
                var temporary = file + ".tmp";
                File.WriteAllText(temporary, JsonSerializer.Serialize(_statuses));
                File.Move(temporary, file, overwrite: true);
            }
        }
    }

    private static Dictionary<string, TimerScheduleStatus> Load(string? file)
    {
        if (file is null || !File.Exists(file))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            return new(JsonSerializer.Deserialize<Dictionary<string, TimerScheduleStatus>>(File.ReadAllText(file)) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new Configuration.ConfigurationException($"{file}: the saved timer status cannot be read ({ex.Message}). Delete the file to start fresh.", ex);
        }
    }
}

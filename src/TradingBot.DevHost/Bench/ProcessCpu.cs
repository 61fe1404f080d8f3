using System.Globalization;

namespace TradingBot.DevHost.Bench;

/// <summary>
/// CPU time used by this process and its descendants, by program (Linux <c>/proc</c>; empty elsewhere). On a machine
/// other work shares, CPU per event says more about a pipeline's capacity than wall time: the handler (<c>dotnet</c>),
/// Azurite (<c>node</c>) and the DevHost itself each show what an event costs them.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of <c>/proc/[pid]/stat</c> times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, TimeSpan> Snapshot()
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        var self = Environment.ProcessId;
        var stats = new Dictionary<int, (int Parent, string Program, double Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        foreach (var (pid, stat) in stats)
        {
            var ancestor = pid;
            for (var depth = 0; depth < 16 && ancestor != self && stats.TryGetValue(ancestor, out var up); depth++)
            {
                ancestor = up.Parent;
            }

            if (ancestor == self)
            {
                var program = pid == self ? "devhost" : stat.Program;
                result[program] = result.GetValueOrDefault(program) + TimeSpan.FromSeconds(stat.Ticks / TicksPerSecond);
            }
        }

        return result;
    }

    /// <summary>Milliseconds of CPU per event between two snapshots, by program, busiest first.</summary>
    public static string PerEvent(IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after, int events)
    {
        var used = after.Select(kv => (kv.Key, Ms: (kv.Value - before.GetValueOrDefault(kv.Key)).TotalMilliseconds / events))
            .Where(p => p.Ms > 0.005).OrderByDescending(p => p.Ms).ToList();
        return used.Count == 0
            ? "n/a"
            : string.Join(", ", used.Select(p => $"{p.Key} {p.Ms.ToString("0.00", CultureInfo.InvariantCulture)} ms"))
              + $"; total {used.Sum(p => p.Ms).ToString("0.00", CultureInfo.InvariantCulture)} ms per event";
    }

    private static (int Parent, string Program, double Ticks)? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            // After "pid (comm) ": state, ppid, ..., utime is field 14 and stime field 15 of the whole line (index 11, 12 here).
            var fields = open < 0 || close < open || close + 2 > text.Length ? [] : text[(close + 2)..].Split(' ');
            return fields.Length > 12
                && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent)
                && double.TryParse(fields[11], CultureInfo.InvariantCulture, out var user)
                && double.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
                ? (parent, text[(open + 1)..close], user + system)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or not ours to read
        }
    }
}

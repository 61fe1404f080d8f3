using System.Globalization;
using System.Runtime.InteropServices;

namespace TradingBot.DevHost.Bench;

/// <summary>What a benchmark ran on: cores, CPU, memory, OS, runtime and the load average (a loaded machine explains slow numbers).</summary>
public static class MachineFacts
{
    public static IReadOnlyList<string> Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return
        [
            $"cores: {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)}" + (cpu is null ? "" : $" ({cpu})"),
            $"memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB",
            $"os: {RuntimeInformation.OSDescription}",
            $"runtime: {RuntimeInformation.FrameworkDescription}",
            $"load average: {LoadAverage() ?? "n/a"}",
        ];
    }

    /// <summary>The 1/5/15-minute load averages (Linux), or null.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}

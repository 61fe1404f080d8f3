using System.Diagnostics;
using TradingBot.DevHost.Bench;

namespace TradingBot.DevHost.Tests.Bench;

/// <summary>The benchmark's CPU per event: this process and its children, by program, from /proc (Linux).</summary>
public sealed class ProcessCpuTests
{
    [Fact]
    public async Task Snapshot_CountsThisProcessAndAChildThatBurnsCpu()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc only
        }

        var before = ProcessCpu.Snapshot();
        using var child = Process.Start(new ProcessStartInfo("sh", ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; sleep 2"]))!;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the loop has run; the child is still alive (sleeping)
        var after = ProcessCpu.Snapshot();
        await child.WaitForExitAsync();

        Assert.True(after["devhost"] >= before["devhost"]);
        Assert.True(after.GetValueOrDefault("sh") > TimeSpan.Zero, string.Join(", ", after.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Contains("sh ", ProcessCpu.PerEvent(before, after, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void PerEvent_DividesByTheEventsAndSumsTheBusiestFirst()
    {
        var before = new Dictionary<string, TimeSpan> { ["node"] = TimeSpan.FromSeconds(1), ["dotnet"] = TimeSpan.Zero };
        var after = new Dictionary<string, TimeSpan> { ["node"] = TimeSpan.FromSeconds(3), ["dotnet"] = TimeSpan.FromSeconds(1), ["idle"] = TimeSpan.Zero };

        Assert.Equal("node 2.00 ms, dotnet 1.00 ms; total 3.00 ms per event", ProcessCpu.PerEvent(before, after, 1000));
        Assert.Equal("n/a", ProcessCpu.PerEvent(after, after, 1000));
    }
}

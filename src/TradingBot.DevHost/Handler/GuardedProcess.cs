using System.Diagnostics;
using System.Globalization;

namespace TradingBot.DevHost.Handler;

/// <summary>
/// Start information for a child process that must not outlive the DevHost: on Unix it runs under a small shell guard
/// that stops the child when the DevHost disappears (even after a hard kill), forwards SIGTERM to it and waits for it
/// (so Azurite can flush its data), and exits with the child's exit code. The guard runs in its own session
/// (<c>setsid</c>), so the terminal's Ctrl+C reaches only the DevHost, which then stops its children in order.
/// </summary>
public static class GuardedProcess
{
    private const string Guard =
        "\"$@\" & child=$!; trap 'kill -TERM $child 2>/dev/null; wait $child; exit $?' TERM INT; " +
        "while kill -0 $DEVHOST_PARENT_PID 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
        "kill -TERM $child 2>/dev/null; wait $child";

    private static readonly string[] SetsidPaths = ["/usr/bin/setsid", "/bin/setsid"];

    public static ProcessStartInfo Create(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ProcessStartInfo info;
        if (OperatingSystem.IsWindows())
        {
            info = new ProcessStartInfo(fileName);
        }
        else
        {
            var setsid = SetsidPaths.FirstOrDefault(File.Exists);
            info = new ProcessStartInfo(setsid ?? "/bin/sh");
            if (setsid is not null)
            {
                info.ArgumentList.Add("/bin/sh");
            }

            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(Guard);
            info.ArgumentList.Add("devhost-guard");
            info.ArgumentList.Add(fileName);
            info.Environment["DEVHOST_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = workingDirectory;
        return info;
    }
}

using System.Diagnostics;

namespace TradingBot.DevHost.Handler;

/// <summary>Stops child processes politely: SIGTERM first (Azurite flushes its data, ASP.NET drains requests), then a kill after a grace period.</summary>
public static class ProcessSignals
{
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (process.HasExited)
            {
                return;
            }

            if (!OperatingSystem.IsWindows())
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                });
                if (kill is not null)
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(grace);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                    return;
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: killed below.
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

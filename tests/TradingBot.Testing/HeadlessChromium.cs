using System.Diagnostics;

namespace TradingBot.Testing;

/// <summary>
/// Runs Debian's Chromium headless on a local file, with background networking off and every host name unresolvable,
/// so a page under test can reach nothing outside the machine. Each run gets its own throw-away profile.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>How long a page may keep the virtual clock running (timers, animation frames) before the DOM is taken.</summary>
    private const int VirtualTimeBudgetMs = 5_000;

    /// <summary>A run that has not finished by then is killed and reported as a failure (a hang, not a slow page).</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>The page's DOM after its scripts ran (<c>--dump-dom</c>), with the browser's own error output.</summary>
    public static async Task<RenderedPage> DumpDomAsync(string htmlPath, CancellationToken ct)
    {
        var (stdout, stderr) = await RunAsync(htmlPath, ["--dump-dom"], ct);
        return new RenderedPage(stdout, stderr);
    }

    /// <summary>Writes a PNG screenshot of the rendered page.</summary>
    public static async Task ScreenshotAsync(string htmlPath, string pngPath, int width, int height, CancellationToken ct)
    {
        await RunAsync(htmlPath, [$"--screenshot={Path.GetFullPath(pngPath)}", $"--window-size={width},{height}"], ct);
        if (!File.Exists(pngPath))
        {
            throw new InvalidOperationException($"Chromium wrote no screenshot to {pngPath}.");
        }
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(string htmlPath, IReadOnlyList<string> mode, CancellationToken ct)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}; mark the test [ChromiumFact].");
        }

        var profile = Directory.CreateTempSubdirectory("tradingbot-chromium-");
        try
        {
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] flags =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-extensions", "--disable-default-apps", "--no-pings",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                $"--user-data-dir={profile.FullName}",
                $"--virtual-time-budget={VirtualTimeBudgetMs}",
            ];
            foreach (var arg in flags.Concat(mode))
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(HangLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish rendering {htmlPath} within {HangLimit.TotalMinutes} minutes.");
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode} on {htmlPath}: {Tail(errors)}");
            }

            return (output, errors);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}

using System.Globalization;
using System.Runtime.InteropServices;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost;

/// <summary>
/// The interactive run: starts a <see cref="LocalRun"/>, prints where everything is (dashboard URL with the key,
/// API, admin, data folder, clock), runs until Ctrl+C (or SIGTERM), then shuts down cleanly. A second Ctrl+C
/// cancels the work still in flight.
/// </summary>
public static class Interactive
{
    public static async Task<int> RunAsync(DevHostOptions options, Action<ILoggingBuilder> logging, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var abort = new CancellationTokenSource();
        var presses = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref presses) == 1)
            {
                Console.WriteLine("Stopping (Ctrl+C again to cancel work in flight)…");
                stop.Cancel();
            }
            else
            {
                abort.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await using var run = new LocalRun(options, logging);
        try
        {
            await run.StartAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await run.StopAsync(abort.Token);
            return 0;
        }
        catch (Exception ex) when (ex is ConfigurationException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await run.StopAsync(abort.Token);
            return 1;
        }

        Banner(options, run);
        var failed = run.Failed;
        await Task.WhenAny(failed, Task.Delay(Timeout.Infinite, stop.Token));
        await run.StopAsync(abort.Token);
        if (failed.IsCompleted)
        {
            await Console.Error.WriteLineAsync($"error: {failed.Result}");
            return 1;
        }

        Console.WriteLine("Stopped. Everything was saved" + (options.InMemory ? " nowhere (--in-memory)." : $" in {options.DataPath}."));
        return 0;
    }

    private static void Banner(DevHostOptions options, LocalRun run)
    {
        var front = run.FrontAddress.ToString().TrimEnd('/');
        var lines = new List<string>
        {
            "",
            "TradingBot DevHost is running: paper trading on the simulated market.",
            $"  Dashboard   {front}/?code={run.ApiKey}",
            $"  API         {front}/api/…  (header x-functions-key: {run.ApiKey}, or ?code=)",
            $"  Health      {front}/api/health  (no key)",
            $"  Admin       {front}/admin/host/status   dead letters: {front}/admin/servicebus/deadletters",
            $"  API key     {run.ApiKey}  (setting DevHost:ApiKey; generated when unset)",
            $"  Clock       " + (options.Speed == 1.0
                ? "real time"
                : string.Create(CultureInfo.InvariantCulture, $"{options.Speed:0.##}x real time (a 1-minute candle every {60 / options.Speed:0.##} s; --speed 1 for real time)")),
            $"  Data        " + (options.InMemory ? "in memory (--in-memory): nothing is kept" : $"{options.DataPath}  (--reset starts fresh)"),
            $"  Functions   {string.Join(", ", run.App!.Functions.Select(f => f.Name))}",
        };
        if (options.Faults.Any)
        {
            lines.Add($"  Faults      {options.Faults}");
        }

        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

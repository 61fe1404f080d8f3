using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Timers;

/// <summary>
/// Fires one timer function like the host (§2.1, §7.4): at every occurrence of its schedule in UTC, once at start when
/// <c>runOnStartup</c>, and once with <c>IsPastDue = true</c> when a monitored timer's recorded next run was missed
/// while the host was down. Runs never overlap (a singleton per function); a failed run is logged and not retried.
/// <paramref name="clock"/> is the app's clock (scaled by <c>--speed</c>); <paramref name="toWall"/> converts its
/// durations into the real waits on <paramref name="wall"/>.
/// </summary>
public sealed class TimerListener(FunctionDefinition function, TimerSchedule schedule, TimerStatusStore statuses, FunctionInvoker invoker,
    OutputWriter outputs, InvocationStatistics statistics, TimeProvider clock, TimeProvider wall, Func<TimeSpan, TimeSpan> toWall, ILogger logger)
    : IDisposable
{
    private readonly SemaphoreSlim _singleton = new(1, 1);

    public FunctionDefinition Function { get; } = function;

    public TimerSchedule Schedule { get; } = schedule;

    private bool UseMonitor => Function.Trigger.Flag("useMonitor", true);

    /// <summary>Fires until <paramref name="stopping"/>; a run in progress then finishes unless <paramref name="abort"/> is cancelled too.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        try
        {
            await LoopAsync(stopping, abort);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task LoopAsync(CancellationToken ct, CancellationToken abort)
    {
        var now = clock.GetUtcNow();
        var status = UseMonitor ? statuses.Get(Function.Name) : null;
        if (status is { } recorded && recorded.Next < now)
        {
            await FireAsync(isPastDue: true, recorded.Next, ct, abort);
        }
        else if (Function.Trigger.Flag("runOnStartup", false))
        {
            await FireAsync(isPastDue: false, now, ct, abort);
        }

        var next = Schedule.Next(clock.GetUtcNow());
        while (!ct.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(toWall(wait), wall, ct);
            }

            await FireAsync(isPastDue: false, next, ct, abort);
            // A run that overran skips the occurrences it missed (no pile-up), as the host does.
            next = Schedule.Next(new[] { next, clock.GetUtcNow() }.Max());
        }
    }

    public void Dispose() => _singleton.Dispose();

    /// <summary>Runs the function now (the admin endpoint's manual trigger); waits for a run in progress.</summary>
    public Task TriggerAsync(CancellationToken ct) => FireAsync(isPastDue: false, clock.GetUtcNow(), ct, ct);

    private async Task FireAsync(bool isPastDue, DateTimeOffset scheduled, CancellationToken ct, CancellationToken abort)
    {
        await _singleton.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            // The status as recorded before this run (Last = the previous run, Next = this one); null without history or monitor.
            var status = UseMonitor ? statuses.Get(Function.Name) : null;
            var payload = InvocationPayloads.Timer(Function.Name, Function.Trigger.Name, isPastDue, status, now, Guid.NewGuid());
            var started = wall.GetTimestamp();
            try
            {
                var reply = await invoker.InvokeAsync(Function.Name, payload, abort);
                var sent = outputs.Write(Function, reply);
                statistics.Record(Function.Name, true, wall.GetElapsedTime(started));
                Log.TimerRan(logger, Function.Name, isPastDue, sent);
            }
            catch (InvocationFailedException ex)
            {
                statistics.Record(Function.Name, false, wall.GetElapsedTime(started));
                Log.TimerFailed(logger, Function.Name, ex.Message);
            }

            if (UseMonitor)
            {
                statuses.Set(Function.Name, new TimerScheduleStatus(scheduled, Schedule.Next(new[] { scheduled, clock.GetUtcNow() }.Max()), clock.GetUtcNow()));
            }
        }
        finally
        {
            _singleton.Release();
        }
    }
}

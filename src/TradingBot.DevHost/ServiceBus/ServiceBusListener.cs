using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.ServiceBus;

/// <summary>
/// The Service Bus trigger of one function, as the host runs it (§1.5, §1.10): up to <c>maxConcurrentCalls</c>
/// deliveries at once from the function's subscription in peek-lock; each is POSTed to the handler while its lock is
/// renewed (every half lock duration, up to <c>maxAutoLockRenewalDuration</c>); a 2xx reply sends the outputs and
/// completes the message; any failure abandons it (Service Bus redelivers at once, DeliveryCount + 1, and
/// dead-letters it after MaxDeliveryCount). A lock lost meanwhile means the message is delivered again: a duplicate
/// the handler must absorb. <see cref="StopAsync"/> stops taking messages and waits for the deliveries in flight.
/// </summary>
public sealed class ServiceBusListener(FunctionDefinition function, ServiceBusEmulator broker, ServiceBusHostOptions options, FunctionInvoker invoker,
    OutputWriter outputs, InvocationStatistics statistics, FaultInjector faults, TimeProvider wall, ILogger logger) : IDisposable
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _receiving = new();
    private Task _loops = Task.CompletedTask;

    public FunctionDefinition Function { get; } = function;

    public string Topic { get; } = function.Trigger.Text("topicName")!;

    public string Subscription { get; } = function.Trigger.Text("subscriptionName")!;

    /// <summary>Receives until <see cref="StopAsync"/>; deliveries in flight are cancelled only by <paramref name="abort"/>.</summary>
    public void Start(CancellationToken abort)
    {
        _loops = Task.WhenAll(Enumerable.Range(0, options.MaxConcurrentCalls)
            .Select(_ => Task.Run(() => ReceiveLoopAsync(_receiving.Token, abort), CancellationToken.None)));
    }

    /// <summary>Stops receiving; in-flight deliveries finish (their outputs are sent, their messages settled).</summary>
    public async Task StopAsync()
    {
        await _receiving.CancelAsync();
        await _loops;
    }

    public void Dispose() => _receiving.Dispose();

    private async Task ReceiveLoopAsync(CancellationToken ct, CancellationToken abort)
    {
        while (!ct.IsCancellationRequested)
        {
            ReceivedMessage? message;
            try
            {
                message = broker.TryReceive(Topic, Subscription);
            }
            catch (InvalidOperationException ex)
            {
                Log.ReceiveFailed(logger, Function.Name, ex.Message);
                return;
            }

            if (message is null)
            {
                var available = broker.WaitAsync(Topic, Subscription);
                await Task.WhenAny(available, Task.Delay(IdlePoll, wall, ct));
                continue;
            }

            // A delivery, once taken, runs to the end even when the host is stopping: nothing is left half-done.
            try
            {
                await DeliverAsync(message, abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // Hard stop: the message stays unsettled and is delivered again on the next run.
                return;
            }
        }
    }

    private async Task DeliverAsync(ReceivedMessage message, CancellationToken ct)
    {
        using var renewal = new CancellationTokenSource();
        var renewing = RenewAsync(message, renewal.Token);
        bool succeeded;
        try
        {
            if (faults.Duplicate())
            {
                // A forced duplicate: the same message is also being processed by "another instance" (as after a lost lock).
                var duplicate = message with { DeliveryCount = message.DeliveryCount + 1, LockToken = Guid.NewGuid() };
                Log.DuplicateInjected(logger, Function.Name, message.MessageId);
                var results = await Task.WhenAll(InvokeAsync(message, ct), InvokeAsync(duplicate, ct));
                succeeded = results.Any(r => r);
            }
            else
            {
                succeeded = await InvokeAsync(message, ct);
            }
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        try
        {
            if (succeeded)
            {
                broker.Complete(message);
            }
            else
            {
                broker.Abandon(message);
            }
        }
        catch (MessageLockLostException)
        {
            Log.LockLost(logger, Function.Name, message.MessageId, message.SequenceNumber);
        }
    }

    private async Task<bool> InvokeAsync(ReceivedMessage message, CancellationToken ct)
    {
        var trigger = Function.Trigger;
        var payload = InvocationPayloads.ServiceBus(Function.Name, trigger.Name, trigger.IsBinary, message, wall.GetUtcNow(), Guid.NewGuid());
        var started = wall.GetTimestamp();
        try
        {
            var reply = await invoker.InvokeAsync(Function.Name, payload, ct);
            outputs.Write(Function, reply);
            statistics.Record(Function.Name, true, wall.GetElapsedTime(started));
            return true;
        }
        catch (InvocationFailedException ex)
        {
            statistics.Record(Function.Name, false, wall.GetElapsedTime(started));
            Log.DeliveryFailed(logger, Function.Name, message.MessageId, message.DeliveryCount, ex.Message);
            return false;
        }
    }

    /// <summary>Auto lock renewal while the invocation runs, up to <c>maxAutoLockRenewalDuration</c> (§1.10).</summary>
    private async Task RenewAsync(ReceivedMessage message, CancellationToken ct)
    {
        var lockDuration = message.LockedUntil - wall.GetUtcNow();
        var interval = lockDuration / 2;
        var until = wall.GetUtcNow() + options.MaxAutoLockRenewalDuration;
        while (interval > TimeSpan.Zero && wall.GetUtcNow() + interval < until)
        {
            try
            {
                await Task.Delay(interval, wall, ct);
                broker.RenewLock(message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (MessageLockLostException)
            {
                return;
            }
        }
    }
}

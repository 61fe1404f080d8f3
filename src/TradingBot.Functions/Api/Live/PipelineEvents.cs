using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Notifications;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Risk;

namespace TradingBot.Functions.Api.Live;

/// <summary>
/// Turns what the functions of this instance did into live events (<see cref="LiveEvents"/>) and notifications: stored
/// candles, signals, approved orders, order updates and fills from the messages a function publishes; risk decisions
/// and ledger changes from the function that ran; failures and poison messages as errors. After every risk decision
/// the account's risk book is checked in the background for halts that began since the last check (automatic kill
/// switch, daily loss limit, drawdown), which are notified once.
/// </summary>
public sealed class PipelineEvents(LiveEvents events, WebhookNotifier notifier, RiskStateStore books, HaltNotices notices, IVenues venues,
    IOptions<PipelineOptions> options, TimeProvider time, ILogger<PipelineEvents> logger) : BackgroundService, IInvocationObserver
{
    private readonly Channel<string> _accountsToCheck = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, DateTimeOffset> _haltsSeenUntil = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public void Completed(FunctionContext context, InvokeResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var element in result.Outputs.Values.SelectMany(v => v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Repeat(v, 1)))
        {
            Published(element.GetRawText());
        }

        var body = context.Request.Text(context.TriggerBinding);
        if (body is null)
        {
            return;
        }

        if (context.Name == nameof(Functions.ApplyRisk) && MessageJson.PeekSchema(body) == SignalRaised.SchemaName)
        {
            var signal = MessageJson.Deserialize<SignalRaised>(body);
            events.Publish(LiveEventKinds.Risk, new RiskDecidedData("decided", signal.Id, signal.StrategyId, signal.Symbol.ToString(), result.Outputs.Count > 0));
            _accountsToCheck.Writer.TryWrite(TradingAccounts.For(signal.Venue, venues.ModeOf(signal.Venue)));
        }
        else if (context.Name == nameof(Functions.RecordFills) && MessageJson.PeekSchema(body) == OrderFilled.SchemaName)
        {
            var fill = MessageJson.Deserialize<OrderFilled>(body);
            events.Publish(LiveEventKinds.Position, new PositionData(fill.Account, fill.Symbol.ToString()));
        }
    }

    public void Failed(FunctionContext context, string outcome, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        events.Publish(LiveEventKinds.Error, new ErrorData(context.Name, outcome, reason));
        if (outcome != "transient")
        {
            notifier.Notify(new Notification(NotificationKind.Error, $"{context.Name} {outcome}", reason, time.GetUtcNow(),
                new Dictionary<string, string> { ["function"] = context.Name, ["outcome"] = outcome }));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = new SortedSet<string>(StringComparer.Ordinal);
        while (await _accountsToCheck.Reader.WaitToReadAsync(stoppingToken))
        {
            // One check per account for all the decisions queued meanwhile (a burst of signals queues the same account often).
            while (_accountsToCheck.Reader.TryRead(out var queued))
            {
                due.Add(queued);
            }

            foreach (var account in due)
            {
                try
                {
                    await CheckHaltsAsync(account, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && Failures.IsTransient(ex))
                {
                    logger.HaltCheckFailed(account, ex.GetType().Name);
                }
            }

            due.Clear();
        }
    }

    /// <summary>
    /// Announces the account's halts that began since the last check (and since this instance started), each only if no
    /// one announced it yet (<see cref="HaltNotices"/>: the kill switch API, another instance). Runs after every risk decision.
    /// </summary>
    internal async Task CheckHaltsAsync(string account, CancellationToken ct)
    {
        if (await books.GetRecentAsync(account, options.Value.RiskStateCacheLifetime, ct) is not { } book)
        {
            return;
        }

        var seen = _haltsSeenUntil.GetValueOrDefault(account, _started);
        foreach (var halt in book.State.Halts.Values.Where(h => h.Since > seen).OrderBy(h => h.Since))
        {
            if (await notices.FirstAsync(account, halt, time.GetUtcNow(), ct))
            {
                events.Publish(LiveEventKinds.Risk, new RiskChangeData(account, "halted", halt.Reason.ToCode(), null, halt.Message));
                notifier.Notify(Notification.Halt(account, $"{account} halted ({halt.Reason.ToCode()}): {halt.Message}", halt.Since));
            }

            seen = halt.Since;
        }

        _haltsSeenUntil[account] = seen;
    }

    private void Published(string json)
    {
        var schema = MessageJson.PeekSchema(json);
        if (schema == CandleClosed.SchemaName)
        {
            var c = MessageJson.Deserialize<CandleClosed>(json);
            events.Publish(LiveEventKinds.Candle, new CandleData(c.Venue, c.Symbol.ToString(), c.Timeframe.ToString(), c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume));
        }
        else if (schema == SignalRaised.SchemaName)
        {
            var s = MessageJson.Deserialize<SignalRaised>(json);
            events.Publish(LiveEventKinds.Signal, new SignalData(s.Id, s.StrategyId, s.Venue, s.Symbol.ToString(), Api.ApiText.Kebab(s.Target)));
        }
        else if (schema == OrderApproved.SchemaName)
        {
            var o = MessageJson.Deserialize<OrderApproved>(json);
            events.Publish(LiveEventKinds.Order, new OrderData(o.Id, o.Venue, o.Symbol.ToString(), Api.ApiText.Kebab(o.Side), o.Amount, "approved"));
        }
        else if (schema == OrderUpdated.SchemaName)
        {
            var u = MessageJson.Deserialize<OrderUpdated>(json);
            events.Publish(LiveEventKinds.Order, new OrderData(u.OrderId, u.Venue, u.Symbol.ToString(), Api.ApiText.Kebab(u.Side), u.Amount, Api.ApiText.Kebab(u.State), u.Filled));
        }
        else if (schema == OrderFilled.SchemaName)
        {
            var f = MessageJson.Deserialize<OrderFilled>(json);
            events.Publish(LiveEventKinds.Fill, new FillData(f.OrderId, f.Venue, f.Account, f.Symbol.ToString(), Api.ApiText.Kebab(f.Side), f.Price, f.Amount));
            notifier.Notify(new Notification(NotificationKind.Fill, "Fill",
                $"{f.Account}: {(f.Side == OrderSide.Buy ? "bought" : "sold")} {Precision.ToWire(f.Amount)} {f.Symbol} at {Precision.ToWire(f.Price)} ({f.StrategyId})",
                f.At, new Dictionary<string, string>
                {
                    ["account"] = f.Account, ["symbol"] = f.Symbol.ToString(), ["side"] = Api.ApiText.Kebab(f.Side), ["price"] = Precision.ToWire(f.Price),
                    ["amount"] = Precision.ToWire(f.Amount), ["orderId"] = f.OrderId, ["strategyId"] = f.StrategyId,
                }));
        }
    }
}

using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Indicators;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Portfolio;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Telemetry;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;
using RiskDecision = TradingBot.Storage.Risk.RiskDecision;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// The ApplyRisk stage around the pure <see cref="RiskGate"/>: builds its context from the account (the venue balance
/// for equity, the ledger positions plus the exposure reserved by approved-but-unfinished orders, the risk book), reviews the
/// account (halts), turns the signal into an entry, an exit or nothing, and records the outcome. The risk book is
/// written with its ETag when the decision changes it (a lost race re-reads and decides again); a decision that reserves
/// nothing and changes no risk state leaves it unwritten. The decision row (keyed by signal id) is the stage's inbox,
/// so a redelivered signal gets the recorded decision back.
/// </summary>
public sealed class RiskApprover(RiskGate gate, RiskDecisionStore decisions, RiskStateStore books, LedgerStore ledger, CandleStore candles,
    LatestCloses closes, IVenues venues, IOptions<PipelineOptions> options, TimeProvider time, PipelineMetrics metrics, ILogger<RiskApprover> logger)
{
    public const string NoChange = "no-change";
    public const string VenueUnavailable = "venue-unavailable";
    private const int Attempts = 6;

    /// <summary>
    /// How old a positions read begun after a signal arrived may be when the signal's turn comes: the decisions queued for
    /// one account share a read only for this long (a decision waiting behind slow venue calls reads again), so a fill
    /// another instance applied meanwhile goes unseen for no longer than a decision's own venue call takes anyway.
    /// </summary>
    private static readonly TimeSpan SharedPositionsMaxAge = TimeSpan.FromMilliseconds(100);

    public async Task<RiskDecision> DecideAsync(SignalRaised signal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var arrived = RecentValue.Mark();
        var mode = venues.ModeOf(signal.Venue);
        var account = TradingAccounts.For(signal.Venue, mode);
        IExchange exchange;
        IReadOnlyDictionary<Symbol, Market> markets;
        try
        {
            exchange = venues.Trading(signal.Venue, mode);
            markets = await exchange.LoadMarketsAsync(false, ct);
        }
        catch (ExchangeError ex)
        {
            return await RecordAsync(Outcome(signal, false, VenueUnavailable, $"{ex.GetType().Name}: {ex.Message}"), ct);
        }

        if (markets.GetValueOrDefault(signal.Symbol) is not { } market)
        {
            return await RecordAsync(Outcome(signal, false, RiskReason.VenueLimits.ToCode(), $"{signal.Venue} has no market {signal.Symbol}."), ct);
        }

        var atr = await AtrAsync(signal, ct);
        // Recorded after the book's lock is released: the book is what concurrent deliveries queue for, and the decision
        // rows of concurrent deliveries go to the table together.
        (RiskDecision Decision, bool Recorded) decided;
        try
        {
            decided = await DecideOnBookAsync(signal, arrived, account, exchange, markets, market, atr, ct);
        }
        catch (BaseError)
        {
            // The venue failed, but a redelivered signal may be decided already (its first answer was lost): that decision
            // stands without the venue, as it did when the recorded decision was looked up first.
            if (await decisions.GetAsync(signal.Id, signal.CandleTime, ct) is { } earlier)
            {
                return Replayed(earlier);
            }

            throw;
        }

        return decided.Recorded ? Replayed(decided.Decision) : await RecordAsync(decided.Decision, ct);
    }

    /// <summary>
    /// The decision, with the account's risk book saved first when it changes (reservations, events, a new day). Before
    /// the book changes, the signal's recorded decision is looked up: a redelivered signal gets it back (Recorded) and
    /// changes nothing. A decision that changes nothing needs no look-up: recording it finds an earlier one.
    /// </summary>
    private async Task<(RiskDecision Decision, bool Recorded)> DecideOnBookAsync(SignalRaised signal, long arrived, string account, IExchange exchange,
        IReadOnlyDictionary<Symbol, Market> markets, Market market, decimal? atr, CancellationToken ct)
    {
        using var bookLock = await books.LockAsync(account, ct);
        var looked = false;
        for (var attempt = 1; ; attempt++)
        {
            // The positions as stored once this signal arrived: a read that a delivery ahead of it in the book's queue began
            // after that, and at most SharedPositionsMaxAge ago, serves it too (one query for a burst); after a lost race, a
            // read begun after the loss.
            var since = attempt == 1 ? arrived : RecentValue.Mark();
            var now = time.GetUtcNow();
            // First the book this instance last saw (every decision saves with the book's ETag, so a stale one loses the
            // race and the next attempt reads the stored book): one read fewer per signal on one instance.
            var book = attempt == 1 ? await books.GetRecentAsync(account, TimeSpan.MaxValue, ct) : await books.GetAsync(account, ct);
            var recovered = book?.Pending.Values.Where(p => p.Order.CausationId == signal.Id).Select(p => p.Order).OrderBy(o => o.Leg).ToList();
            if (recovered is { Count: > 0 })
            {
                return (Outcome(signal, true, "approved", "recorded by an interrupted earlier delivery") with { Orders = recovered }, false);
            }

            // Independent reads (the ledger and the venue) at the same time.
            var positionsRead = ledger.GetPositionsSinceAsync(account, since, SharedPositionsMaxAge, ct);
            var balanceRead = exchange.FetchBalanceAsync(ct);
            await Task.WhenAll(positionsRead, balanceRead);
            var positions = await positionsRead;
            var balance = await balanceRead;
            var marks = await closes.OfVenueAsync(signal.Venue, s => s.Quote == signal.Symbol.Quote && s != signal.Symbol && balance[s.Base].Total != 0m,
                options.Value.ConfigCacheLifetime, ct);
            var (context, current) = Context(account, book, positions, balance, marks, markets, signal, now);
            var review = gate.ReviewAccount(context);
            context = context with { State = context.State.Apply(review.Events) };
            var (outcome, pending, events) = Evaluate(signal, context, positions, market, atr, now);
            if (book is not null && ReferenceEquals(current, book) && review.Events.Count == 0 && pending.Count == 0 && events.Count == 0
                && await StillStoredAsync(book, ct))
            {
                // Nothing to reserve or remember (a rejection, no change): the stored book stays as it is, unwritten.
                return (outcome, false);
            }

            if (!looked)
            {
                if (await decisions.GetAsync(signal.Id, signal.CandleTime, ct) is { } recorded)
                {
                    return (recorded, true);
                }

                looked = true;
            }

            var legs = review.Orders.Select((order, i) => Pending(signal, order, i + 1, now)).ToList();
            pending.AddRange(legs);
            var updated = current with
            {
                State = context.State.Apply(events).Apply(legs.Select(_ => (RiskEvent)new OrderPlaced(now, signal.Symbol, RiskOrderPurpose.Exit)))
                    .Prune(now - gate.Options.Lookback),
                Pending = current.Pending.SetItems(pending.Select(p => KeyValuePair.Create(p.Order.Id, p))),
            };
            try
            {
                await books.SaveAsync(updated, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }

            return (outcome with { Orders = [.. pending.Select(p => p.Order).OrderBy(o => o.Leg)] }, false);
        }
    }

    /// <summary>
    /// Whether <paramref name="book"/> (possibly remembered from long ago) is still the stored book, as far as a book at
    /// most <see cref="PipelineOptions.RiskStateCacheLifetime"/> old tells: a decision that writes nothing has no ETag
    /// check to catch a stale book, so it takes no older one than protective exits do. Another instance's change within
    /// that time may go unseen by a rejection, as if the signal had come a moment earlier.
    /// </summary>
    private async Task<bool> StillStoredAsync(RiskBook book, CancellationToken ct) =>
        (await books.GetRecentAsync(book.Account, options.Value.RiskStateCacheLifetime, ct))?.ETag == book.ETag;

    private (RiskDecision Outcome, List<PendingOrder> Pending, IReadOnlyList<RiskEvent> Events) Evaluate(SignalRaised signal, RiskContext context,
        IReadOnlyList<Position> positions, Market market, decimal? atr, DateTimeOffset now)
    {
        var held = positions.FirstOrDefault(p => p.Symbol == signal.Symbol)?.Quantity ?? 0m;
        if (signal.StrategyId == ProtectiveExits.StrategyId)
        {
            if (held == 0m)
            {
                return (Outcome(signal, false, NoChange, $"{signal.Reason}, but there is no {signal.Symbol} position any more."), [], []);
            }

            var exit = new PendingOrder(OrderApproved.For(signal, held > 0m ? OrderSide.Sell : OrderSide.Buy,
                Math.Abs(held), now), RiskOrderPurpose.Exit) { StopOut = signal.Strategy is not ("take-profit" or ProtectiveExits.KillSwitchKind) };
            return (Outcome(signal, true, "approved", $"{signal.Reason}: exit {Precision.ToWire(Math.Abs(held))} {signal.Symbol} at market."), [exit],
                [new OrderPlaced(now, signal.Symbol, RiskOrderPurpose.Exit)]);
        }

        var wantsLong = signal.Target == TargetPosition.Long;
        var wantsShort = signal.Target == TargetPosition.Short;
        if ((wantsLong && held > 0m) || (wantsShort && held < 0m) || (signal.Target == TargetPosition.Flat && held == 0m))
        {
            return (Outcome(signal, false, NoChange, $"Already {signal.Target.ToString().ToLowerInvariant()} in {signal.Symbol}."), [], []);
        }

        Core.Risk.RiskDecision decision;
        if (held != 0m)
        {
            var own = context with
            {
                Positions = new Dictionary<Symbol, RiskPosition> { [signal.Symbol] = new(signal.Symbol, held, AverageCost(positions, signal.Symbol), signal.Price) },
            };
            decision = gate.EvaluateExit(signal.Strategy, signal.Symbol, own);
        }
        else
        {
            decision = gate.EvaluateEntry(new EntryRequest(signal.Strategy, signal.Symbol, wantsLong ? OrderSide.Buy : OrderSide.Sell, signal.Price, market) { Atr = atr },
                context);
        }

        if (!decision.IsApproved)
        {
            return (Outcome(signal, false, decision.Code!, decision.Message), [], []);
        }

        var order = new PendingOrder(OrderApproved.For(signal, decision.Order.Side, decision.Order.Quantity, now), decision.Order.Purpose)
        {
            Exits = decision.Order.Exits,
        };
        return (Outcome(signal, true, "approved", decision.Message), [order], decision.Events);
    }

    private static PendingOrder Pending(SignalRaised signal, RiskOrder order, int leg, DateTimeOffset now) =>
        new(OrderApproved.For(signal, order.Side, order.Quantity, now, leg, order.Symbol, order.ReferencePrice), order.Purpose);

    /// <summary>
    /// The gate's view of the account. <b>Equity</b> comes from the one venue balance snapshot (<see cref="AccountEquity"/>):
    /// the cash of the signal's quote currency plus the venue's holding of each traded base (symbols of the ledger, of
    /// the pending reservations, of the configured markets, and the signal's), because the ledger and the reservations
    /// catch up with an execution later, in any order; cash and holdings change together at the venue. Marks: the
    /// signal price for its symbol, else the newest stored close, else the ledger's last fill price, else the pending
    /// order's reference price. <b>Exposure</b> per symbol is the ledger position plus the reserved entries, or the
    /// venue's holding (above dust) when that is larger: whichever bookkeeping is behind, a position counts.
    /// </summary>
    private static (RiskContext Context, RiskBook Book) Context(string account, RiskBook? book, IReadOnlyList<Position> positions, Balance balance,
        IReadOnlyDictionary<Symbol, decimal> latest, IReadOnlyDictionary<Symbol, Market> markets, SignalRaised signal, DateTimeOffset now)
    {
        var quote = signal.Symbol.Quote;
        var cash = balance[quote];
        var pending = book?.Pending.Values.Select(p => p.Order).ToList() ?? [];
        decimal? Mark(Symbol symbol) =>
            symbol == signal.Symbol ? signal.Price
            : latest.TryGetValue(symbol, out var close) ? close
            : positions.FirstOrDefault(p => p.Symbol == symbol && p.LastPrice > 0m)?.LastPrice ?? pending.FirstOrDefault(o => o.Symbol == symbol)?.ReferencePrice;
        var valuation = AccountEquity.From(balance, quote, [.. positions.Select(p => p.Symbol), .. pending.Select(o => o.Symbol), .. latest.Keys, signal.Symbol], Mark);
        var equity = valuation.Value;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = book ?? new RiskBook(account, RiskState.Start(equity));
        if (current.State.StartingEquity == 0m && current.State.EquityPeak == 0m)
        {
            // A book an operator created (kill switch before the account's first decision) starts its equity figures now.
            current = current with { State = current.State with { StartingEquity = equity, EquityPeak = equity } };
        }

        if (current.Day != today)
        {
            current = current with { Day = today, DayStartEquity = equity };
        }

        var exposure = positions.Where(p => !p.IsFlat).ToDictionary(p => p.Symbol, p => new RiskPosition(p.Symbol, p.Quantity, p.AverageCost, Mark(p.Symbol) ?? p.LastPrice));
        foreach (var reserved in current.Pending.Values.Where(p => p.Purpose == RiskOrderPurpose.Entry).Select(p => p.Order))
        {
            var signed = reserved.Side == OrderSide.Buy ? reserved.Amount : -reserved.Amount;
            exposure[reserved.Symbol] = exposure.TryGetValue(reserved.Symbol, out var open)
                ? open with { Quantity = open.Quantity + signed }
                : new RiskPosition(reserved.Symbol, signed, reserved.ReferencePrice, Mark(reserved.Symbol) ?? reserved.ReferencePrice);
        }

        foreach (var (symbol, held) in valuation.Holdings)
        {
            var open = exposure.GetValueOrDefault(symbol);
            if (Math.Abs(held) > Math.Abs(open?.Quantity ?? 0m) && Math.Abs(held) >= Dust(markets.GetValueOrDefault(symbol)))
            {
                exposure[symbol] = open is null ? new RiskPosition(symbol, held, valuation.Marks[symbol], valuation.Marks[symbol]) : open with { Quantity = held };
            }
        }

        var context = new RiskContext
        {
            Now = now,
            TradingDay = today,
            Equity = equity,
            AvailableCash = cash.Free,
            Positions = exposure,
            DayStartEquity = current.DayStartEquity,
            RealizedPnLToday = equity - current.DayStartEquity,
            LastCandleAt = signal.At,
            State = current.State,
        };
        return (context, current);
    }

    private async Task<decimal?> AtrAsync(SignalRaised signal, CancellationToken ct)
    {
        var limits = gate.Options.For(signal.Strategy);
        if (!limits.NeedsAtr)
        {
            return null;
        }

        var window = await candles.GetWindowAsync(signal.Venue, signal.Symbol, signal.Timeframe, signal.CandleTime, (limits.AtrPeriod * 3) + 1, ct);
        var atr = new Atr(limits.AtrPeriod);
        foreach (var bar in window)
        {
            atr.Update((double)bar.High, (double)bar.Low, (double)bar.Close);
        }

        return atr.IsReady ? (decimal)atr.Value : null;
    }

    /// <summary>Records the decision unless the signal has one already (a redelivery): returns the one recorded first.</summary>
    private async Task<RiskDecision> RecordAsync(RiskDecision decision, CancellationToken ct)
    {
        var stored = await decisions.AddAsync(decision, ct);
        if (!ReferenceEquals(stored, decision))
        {
            return Replayed(stored);
        }

        metrics.RiskDecision(stored.Approved, stored.Code);
        if (stored.Approved)
        {
            logger.OrderApproved(stored.StrategyId, stored.Symbol, stored.Orders.Count, stored.Message);
        }
        else
        {
            logger.OrderNotApproved(stored.StrategyId, stored.Symbol, stored.Code, stored.Message);
        }

        return stored;
    }

    private RiskDecision Replayed(RiskDecision recorded)
    {
        metrics.Duplicate(nameof(Functions.ApplyRisk));
        return recorded;
    }

    private RiskDecision Outcome(SignalRaised signal, bool approved, string code, string message) =>
        new(signal.Id, signal.CorrelationId, signal.StrategyId, signal.Venue, signal.Symbol.ToString(), signal.CandleTime, approved, code, message,
            time.GetUtcNow());

    /// <summary>A holding the venue would not let you trade (below its minimum amount or one amount step) is not a position.</summary>
    private static decimal Dust(Market? market) =>
        market is null ? 0m : Math.Max(market.Limits.Amount.Min ?? 0m, market.Precision.AmountStep);

    private static decimal AverageCost(IReadOnlyList<Position> positions, Symbol symbol) =>
        positions.FirstOrDefault(p => p.Symbol == symbol)?.AverageCost ?? 0m;
}

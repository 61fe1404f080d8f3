using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Risk.Rules;
using TradingBot.Core.Risk.Sizing;

namespace TradingBot.Core.Risk;

/// <summary>
/// Composes the risk rules. Pure: every input comes in as a value (<see cref="RiskContext"/>) and every change
/// goes out as a value (<see cref="RiskDecision.Events"/>, <see cref="RiskReview"/>), so the backtester and the live
/// ApplyRisk function make exactly the same decisions from the same inputs. Entries pass, in order: kill switch,
/// daily loss limit, drawdown breaker, short selling, stale price, order rate, cooldown, StoplossGuard, max open
/// positions; then sizing; then the caps (max position, max exposure, available cash) that may cut the quantity;
/// then the venue's precision and limits.
/// </summary>
public sealed class RiskGate
{
    private readonly KillSwitch _killSwitch;
    private readonly IEntryRule[] _guards;
    private readonly IEntryRule[] _caps;
    private readonly IAccountGuard[] _account;

    public RiskGate(RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
        _killSwitch = new KillSwitch(options);
        var dailyLoss = new DailyLossLimit(options);
        var drawdown = new MaxDrawdown(options);
        _guards =
        [
            _killSwitch, dailyLoss, drawdown, new ShortSelling(options), new StalePriceGuard(options),
            new OrderRateLimit(options), new ExitCooldown(), new StoplossGuard(options), new MaxOpenPositions(options),
        ];
        _caps = [new MaxPositionSize(), new MaxTotalExposure(options), new AvailableCash(), new VenueLimits()];
        _account = [dailyLoss, drawdown, _killSwitch];
    }

    public RiskOptions Options { get; }

    /// <summary>Sizes and checks a strategy's entry. Approved orders carry their exit plan and an <see cref="OrderPlaced"/> event.</summary>
    public RiskDecision EvaluateEntry(EntryRequest request, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Price <= 0m)
        {
            return RiskDecision.Reject(RiskReason.InvalidPrice, $"The reference price of {request.Symbol} is {Text.Number(request.Price)}; it must be positive.");
        }

        var limits = Options.For(request.Strategy);
        var proposal = new EntryProposal(request, context, limits, 0m);
        foreach (var guard in _guards)
        {
            var verdict = guard.Check(proposal);
            if (verdict.IsRejection)
            {
                return Refuse(verdict);
            }
        }

        var sized = Sizer(limits.Sizing).Size(proposal);
        if (sized.IsRejection)
        {
            return Refuse(sized);
        }

        var exits = ExitPlan.From(limits, request.Atr);
        if (exits is null)
        {
            return RiskDecision.Reject(RiskReason.VolatilityUnavailable,
                $"ATR exits need the {limits.AtrPeriod}-bar ATR of {request.Symbol}, which is not available yet.");
        }

        var quantity = sized.Quantity ?? 0m;
        var adjustments = new List<string>();
        foreach (var cap in _caps)
        {
            var verdict = cap.Check(proposal with { Quantity = quantity });
            if (verdict.IsRejection)
            {
                return Refuse(verdict);
            }

            if (verdict.Quantity is { } cut && cut < quantity)
            {
                quantity = cut;
                adjustments.Add(verdict.Message!);
            }
        }

        var side = request.IsLong ? OrderSide.Buy : OrderSide.Sell;
        var order = new RiskOrder(request.Strategy, request.Symbol, side, quantity, request.Price, RiskOrderPurpose.Entry)
        {
            Exits = exits.IsEmpty ? null : exits,
        };
        var message = $"{(request.IsLong ? "Buy" : "Sell short")} {Text.Number(quantity)} {request.Symbol} (about {Text.Number(order.Notional)} {request.Symbol.Quote}): {sized.Message}"
            + (adjustments.Count > 0 ? $", resized by {adjustments.Count} limit(s)." : ".");
        return RiskDecision.Approve(order, message, adjustments, [new OrderPlaced(context.Now, request.Symbol, RiskOrderPurpose.Entry)]);
    }

    /// <summary>A strategy closes its whole position in <paramref name="symbol"/>: approved unless the kill switch is engaged.</summary>
    public RiskDecision EvaluateExit(string strategy, Symbol symbol, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Positions.TryGetValue(symbol, out var position) || position.Quantity == 0m)
        {
            throw new ArgumentException($"There is no open {symbol} position to exit.", nameof(symbol));
        }

        if (_killSwitch.Refusal(context) is { } refusal)
        {
            return RiskDecision.Reject(RiskReason.KillSwitch, refusal);
        }

        var order = ExitOrder(strategy, position);
        return RiskDecision.Approve(order, $"Exit {Text.Number(order.Quantity)} {symbol} at market.", [],
            [new OrderPlaced(context.Now, symbol, RiskOrderPurpose.Exit)]);
    }

    /// <summary>
    /// The account review, on every new candle: daily loss and drawdown halts and their next-day resumes, the
    /// equity peak, and the automatic kill switch (with exit orders for every position when it flattens).
    /// </summary>
    public RiskReview ReviewAccount(RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = _account.SelectMany(guard => guard.Review(context)).ToList();
        if (events.Count == 0)
        {
            return RiskReview.Nothing;
        }

        var engaged = events.Any(e => e is TradingHalted { Reason: RiskReason.KillSwitch });
        return new RiskReview(events, engaged ? Flatten(context) : []);
    }

    /// <summary>An operator engages the kill switch: every new order stops at once (and positions are exited when configured).</summary>
    public RiskReview EngageKillSwitch(RiskContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State.KillSwitchEngaged
            ? RiskReview.Nothing
            : new RiskReview([KillSwitch.Engage(context, message)], Flatten(context));
    }

    /// <summary>An operator ends the halt for <paramref name="reason"/> (kill switch, daily loss limit or drawdown).</summary>
    public static RiskReview Resume(RiskContext context, RiskReason reason, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.State.Halts.ContainsKey(reason))
        {
            return RiskReview.Nothing;
        }

        var resumed = new TradingResumed(context.Now, reason, true, message)
        {
            EquityPeak = reason == RiskReason.MaxDrawdown ? context.Equity : null,
        };
        return new RiskReview([resumed], []);
    }

    /// <summary>The protective levels of a filled entry, to remember (live) or to place as stop/limit orders (backtest).</summary>
    public static IReadOnlyList<RiskEvent> OnEntryFilled(RiskOrder order, decimal fillPrice, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ExitLevels.ForEntry(order.Side == OrderSide.Buy, fillPrice, order.Exits) is { } levels
            ? [new ExitLevelsSet(at, order.Symbol, levels)]
            : [];
    }

    /// <summary>
    /// Live protective exits on a new candle of <paramref name="symbol"/>: an exit order when a level was reached
    /// (stop before target, gaps at the open: <see cref="ExitLevels.Check"/>), else the trailing stop's move.
    /// Protective exits run even while the kill switch is engaged. A candle at or before the bar that last raised the
    /// trailing stop (<see cref="ExitLevels.TrailedThrough"/>: a repeated or out-of-order delivery) changes nothing.
    /// </summary>
    public static (ExitHit? Hit, RiskReview Review) ReviewPosition(string strategy, Symbol symbol, in Candle candle, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.State.ExitLevels.TryGetValue(symbol, out var levels)
            || !context.Positions.TryGetValue(symbol, out var position) || position.Quantity == 0m
            || (levels.TrailedThrough is { } through && candle.Time <= through))
        {
            return (null, RiskReview.Nothing);
        }

        if (levels.Check(candle) is { } hit)
        {
            var order = ExitOrder(strategy, position) with { ReferencePrice = hit.Price };
            return (hit, new RiskReview([new OrderPlaced(context.Now, symbol, RiskOrderPurpose.Exit)], [order]));
        }

        var trailed = levels.Trail(candle);
        return (null, ReferenceEquals(trailed, levels) ? RiskReview.Nothing : new RiskReview([new ExitLevelsSet(context.Now, symbol, trailed)], []));
    }

    private List<RiskOrder> Flatten(RiskContext context) =>
        Options.FlattenOnKillSwitch
            ? [.. context.Positions.Values.Where(p => p.Quantity != 0m).Select(p => ExitOrder("kill-switch", p))]
            : [];

    private static RiskOrder ExitOrder(string strategy, RiskPosition position) =>
        new(strategy, position.Symbol, position.IsLong ? OrderSide.Sell : OrderSide.Buy, Math.Abs(position.Quantity), position.MarkPrice, RiskOrderPurpose.Exit);

    private static IPositionSizer Sizer(SizingMode mode) => mode switch
    {
        SizingMode.FixedQuote => new FixedQuoteSizing(),
        SizingMode.EquityFraction => new EquityFractionSizing(),
        SizingMode.Volatility => new VolatilitySizing(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static RiskDecision Refuse(RuleVerdict verdict) => RiskDecision.Reject(verdict.Reason!.Value, verdict.Message!);
}

using System.Collections.Immutable;
using TradingBot.Core.Market;
using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk;

/// <summary>
/// What risk remembers between decisions, immutable. It changes only by folding <see cref="RiskEvent"/>s with
/// <see cref="Apply(RiskEvent)"/>, so the backtester (in memory) and the live functions (persisted) evolve it the same way.
/// </summary>
public sealed record RiskState
{
    /// <summary>Equity when risk management started: the base of <see cref="RiskOptions.KillSwitchLoss"/>.</summary>
    public decimal StartingEquity { get; init; }

    /// <summary>Highest equity seen (since the last drawdown resume): the base of the drawdown breaker.</summary>
    public decimal EquityPeak { get; init; }

    // Empty, never null, also when a stored book lacks the field (generated JSON sets every init-only property).
    public ImmutableDictionary<RiskReason, RiskHalt> Halts { get => field ?? ImmutableDictionary<RiskReason, RiskHalt>.Empty; init; } = ImmutableDictionary<RiskReason, RiskHalt>.Empty;

    public ImmutableDictionary<Symbol, DateTimeOffset> LastExits { get => field ?? ImmutableDictionary<Symbol, DateTimeOffset>.Empty; init; } = ImmutableDictionary<Symbol, DateTimeOffset>.Empty;

    public ImmutableList<StopOut> StopOuts { get => field ?? []; init; } = [];

    public ImmutableList<DateTimeOffset> OrderTimes { get => field ?? []; init; } = [];

    public ImmutableDictionary<Symbol, ExitLevels> ExitLevels { get => field ?? ImmutableDictionary<Symbol, ExitLevels>.Empty; init; } = ImmutableDictionary<Symbol, ExitLevels>.Empty;

    public bool KillSwitchEngaged => Halts.ContainsKey(RiskReason.KillSwitch);

    public static RiskState Start(decimal equity) => new() { StartingEquity = equity, EquityPeak = equity };

    public bool IsHalted(RiskReason reason) => Halts.ContainsKey(reason);

    public RiskState Apply(RiskEvent change) => change switch
    {
        TradingHalted h => this with { Halts = Halts.SetItem(h.Reason, new RiskHalt(h.Reason, h.At, h.Day, h.Reset, h.Message)) },
        TradingResumed r => this with { Halts = Halts.Remove(r.Reason), EquityPeak = r.EquityPeak ?? EquityPeak },
        EquityPeakRaised p => p.Equity > EquityPeak ? this with { EquityPeak = p.Equity } : this,
        OrderPlaced o => this with { OrderTimes = OrderTimes.Add(o.At) },
        PositionClosed c => this with
        {
            LastExits = LastExits.SetItem(c.Symbol, c.At),
            StopOuts = c.StoppedOut ? StopOuts.Add(new StopOut(c.Symbol, c.At)) : StopOuts,
            ExitLevels = ExitLevels.Remove(c.Symbol),
        },
        ExitLevelsSet l => this with { ExitLevels = ExitLevels.SetItem(l.Symbol, l.Levels) },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown risk event."),
    };

    public RiskState Apply(IEnumerable<RiskEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var state = this;
        foreach (var change in changes)
        {
            state = state.Apply(change);
        }

        return state;
    }

    /// <summary>Forgets order times, stop-outs and exits older than <paramref name="before"/> (use now − <see cref="RiskOptions.Lookback"/>).</summary>
    public RiskState Prune(DateTimeOffset before)
    {
        if (!OrderTimes.Exists(t => t < before) && !StopOuts.Exists(s => s.At < before) && !LastExits.Values.Any(t => t < before))
        {
            return this;
        }

        var orders = OrderTimes.RemoveAll(t => t < before);
        var stops = StopOuts.RemoveAll(s => s.At < before);
        var exits = LastExits.Where(kv => kv.Value < before).Select(kv => kv.Key).ToList();
        return this with { OrderTimes = orders, StopOuts = stops, LastExits = LastExits.RemoveRange(exits) };
    }
}

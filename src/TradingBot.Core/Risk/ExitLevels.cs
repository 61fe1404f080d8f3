using System.Text.Json.Serialization;
using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>
/// The live protective levels of one position and the intrabar rules of backtesting.md §2.2 that the backtester's
/// broker also follows: a stop fills at its level, or at the open when the bar gaps through it; a target fills at
/// its level or a better open; when a stop and a target fall in the same bar the stop wins (pessimistic). The
/// effective stop is the tighter of the stop-loss and the trailing stop. The trailing stop is raised at each bar's
/// close from that bar's best price (high for a long, low for a short) and applies from the next bar.
/// </summary>
public sealed record ExitLevels(bool IsLong, decimal? StopLoss, decimal? TakeProfit, decimal? TrailingStop, PriceDistance? TrailingDistance)
{
    /// <summary>
    /// The open time of the newest bar whose best price raised <see cref="TrailingStop"/> (null: none has). The live check
    /// (<see cref="RiskGate.ReviewPosition"/>) ignores a bar at or before it: that bar was applied already (a repeated
    /// delivery), or it came after a newer one (out of order), and checking it against levels a later bar raised could
    /// report a stop that never happened.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? TrailedThrough { get; init; }

    /// <summary>The levels of a position filled at <paramref name="entryPrice"/>; null when the plan has no exit.</summary>
    public static ExitLevels? ForEntry(bool isLong, decimal entryPrice, ExitPlan? plan)
    {
        if (plan is null || plan.IsEmpty)
        {
            return null;
        }

        return new ExitLevels(
            isLong,
            plan.StopLoss?.Behind(entryPrice, isLong),
            plan.TakeProfit?.Ahead(entryPrice, isLong),
            plan.TrailingStop?.Behind(entryPrice, isLong),
            plan.TrailingStop);
    }

    /// <summary>The tighter of stop-loss and trailing stop, and which one it is (the stop-loss on a tie).</summary>
    public (decimal Level, ProtectiveExit Kind)? ActiveStop
    {
        get
        {
            if (TrailingStop is not { } trail)
            {
                return StopLoss is { } only ? (only, ProtectiveExit.StopLoss) : null;
            }

            if (StopLoss is not { } stop)
            {
                return (trail, ProtectiveExit.TrailingStop);
            }

            var trailTighter = IsLong ? trail > stop : trail < stop;
            return trailTighter ? (trail, ProtectiveExit.TrailingStop) : (stop, ProtectiveExit.StopLoss);
        }
    }

    /// <summary>Whether <paramref name="bar"/> reaches a level, stop before target, gaps filling at the open.</summary>
    public ExitHit? Check(in Candle bar)
    {
        if (ActiveStop is var (level, kind))
        {
            var hit = IsLong ? bar.Low <= level : bar.High >= level;
            if (hit)
            {
                return new ExitHit(kind, IsLong ? Math.Min(bar.Open, level) : Math.Max(bar.Open, level));
            }
        }

        if (TakeProfit is { } target && (IsLong ? bar.High >= target : bar.Low <= target))
        {
            return new ExitHit(ProtectiveExit.TakeProfit, IsLong ? Math.Max(bar.Open, target) : Math.Min(bar.Open, target));
        }

        return null;
    }

    /// <summary>The levels after <paramref name="bar"/> closed: the trailing stop ratcheted toward the bar's best price, never back.</summary>
    public ExitLevels Trail(in Candle bar)
    {
        if (TrailingDistance is not { } distance || TrailingStop is not { } current)
        {
            return this;
        }

        var candidate = distance.Behind(IsLong ? bar.High : bar.Low, IsLong);
        var raised = IsLong ? Math.Max(current, candidate) : Math.Min(current, candidate);
        return raised == current ? this : this with { TrailingStop = raised, TrailedThrough = bar.Time };
    }
}

using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>What an order in the simulated broker's queue does.</summary>
internal enum SimOrderKind
{
    Entry,
    Close,
    StopLoss,
    TakeProfit,
}

/// <summary>
/// An order queued in the simulated broker. An entry's size is either units (<see cref="Units"/>) or a fraction of
/// the available margin (<see cref="MarginFraction"/>), signed by direction. Close, stop-loss and take-profit orders
/// belong to <see cref="Parent"/> and close (part of) it at the raw price.
/// </summary>
internal sealed class SimOrder
{
    public required SimOrderKind Kind { get; init; }

    /// <summary>+1 buys, −1 sells.</summary>
    public required int Direction { get; init; }

    public decimal Units { get; set; }

    public decimal MarginFraction { get; init; }

    public decimal? Limit { get; init; }

    /// <summary>The stop trigger; cleared once triggered (the order then behaves as a market or limit order).</summary>
    public decimal? Stop { get; set; }

    /// <summary>The stop level as placed (or last trailed), kept after the trigger (reported as the trade's SL).</summary>
    public decimal? StopLevel { get; set; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public SimTrade? Parent { get; init; }

    public string? Reason { get; init; }

    /// <summary>The exit reason recorded when this order closes its parent (a trailed stop switches between stop-loss and trailing-stop).</summary>
    public ExitReason ExitReason { get; set; } = ExitReason.Signal;

    /// <summary>Risk mode: the entry's protective exits, turned into levels from the fill price.</summary>
    public ExitPlan? Exits { get; init; }

    /// <summary>Risk mode: an entry the margin cannot cover at the fill price is reduced to what it covers instead of cancelled.</summary>
    public bool ShrinkToMargin { get; init; }

    public bool IsContingent => Kind is SimOrderKind.StopLoss or SimOrderKind.TakeProfit;

    /// <summary>False once filled or cancelled (removed from the queue).</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>An open trade in the simulated broker.</summary>
internal sealed class SimTrade
{
    public required decimal Size { get; set; }

    public required decimal EntryPrice { get; init; }

    public required int EntryBar { get; init; }

    public string? EntryReason { get; init; }

    /// <summary>Risk mode: the protective levels (the stop order follows the trailing stop).</summary>
    public ExitLevels? Levels { get; set; }

    public SimOrder? StopLossOrder { get; set; }

    public SimOrder? TakeProfitOrder { get; set; }

    /// <summary>False once fully closed.</summary>
    public bool IsOpen { get; set; } = true;
}

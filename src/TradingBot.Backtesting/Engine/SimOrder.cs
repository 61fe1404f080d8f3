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
/// Entry and close orders are reused by the broker once they have left the queue (<see cref="Reset"/>): a reversing
/// strategy places two of them per trade, and a million-bar run would otherwise allocate 100k short-lived orders.
/// Stop-loss and take-profit orders are never reused (their trade keeps a reference to them).
/// </summary>
internal sealed class SimOrder
{
    public SimOrderKind Kind { get; private set; }

    /// <summary>+1 buys, −1 sells.</summary>
    public int Direction { get; private set; }

    public decimal Units { get; set; }

    public decimal MarginFraction { get; set; }

    public decimal? Limit { get; set; }

    /// <summary>The stop trigger; cleared once triggered (the order then behaves as a market or limit order).</summary>
    public decimal? Stop { get; set; }

    /// <summary>The stop level as placed (or last trailed), kept after the trigger (reported as the trade's SL).</summary>
    public decimal? StopLevel { get; set; }

    public decimal? StopLoss { get; set; }

    public decimal? TakeProfit { get; set; }

    public SimTrade? Parent { get; set; }

    public string? Reason { get; set; }

    /// <summary>The exit reason recorded when this order closes its parent (a trailed stop switches between stop-loss and trailing-stop).</summary>
    public ExitReason ExitReason { get; set; }

    /// <summary>Risk mode: the entry's protective exits, turned into levels from the fill price.</summary>
    public ExitPlan? Exits { get; set; }

    /// <summary>Risk mode: an entry the margin cannot cover at the fill price is reduced to what it covers instead of cancelled.</summary>
    public bool ShrinkToMargin { get; set; }

    public bool IsContingent => Kind is SimOrderKind.StopLoss or SimOrderKind.TakeProfit;

    private SimOrder()
    {
    }

    /// <summary>A fresh order of <paramref name="kind"/> and <paramref name="direction"/>: every other field at its default.</summary>
    public static SimOrder Create(SimOrderKind kind, int direction) => new SimOrder().Reset(kind, direction);

    /// <summary>Clears every field for reuse as a new order of <paramref name="kind"/> and <paramref name="direction"/>.</summary>
    public SimOrder Reset(SimOrderKind kind, int direction)
    {
        Kind = kind;
        Direction = direction;
        Units = 0m;
        MarginFraction = 0m;
        Limit = null;
        Stop = null;
        StopLevel = null;
        StopLoss = null;
        TakeProfit = null;
        Parent = null;
        Reason = null;
        ExitReason = ExitReason.Signal;
        Exits = null;
        ShrinkToMargin = false;
        IsActive = true;
        return this;
    }

    /// <summary>False once filled or cancelled (removed from the queue).</summary>
    public bool IsActive { get; set; }
}

/// <summary>
/// An open trade in the simulated broker. Reused by the broker once it is closed and nothing in the queue refers to
/// it any more (<see cref="Open"/>), like entry and close orders.
/// </summary>
internal sealed class SimTrade
{
    public decimal Size { get; set; }

    public decimal EntryPrice { get; private set; }

    public int EntryBar { get; private set; }

    public string? EntryReason { get; private set; }

    /// <summary>Risk mode: the protective levels (the stop order follows the trailing stop).</summary>
    public ExitLevels? Levels { get; set; }

    public SimOrder? StopLossOrder { get; set; }

    public SimOrder? TakeProfitOrder { get; set; }

    /// <summary>False once fully closed.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Sets every field for a trade just opened (a new object or a closed one being reused).</summary>
    public SimTrade Open(decimal size, decimal entryPrice, int entryBar, string? entryReason)
    {
        Size = size;
        EntryPrice = entryPrice;
        EntryBar = entryBar;
        EntryReason = entryReason;
        Levels = null;
        StopLossOrder = null;
        TakeProfitOrder = null;
        IsOpen = true;
        return this;
    }
}

using TradingBot.Core.Market;
using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// The order and fill model of backtesting.md §2.2: market orders at the next open (or the signal bar's close with
/// trade-on-close), stop and limit triggers with gap fills, pessimistic stop-before-limit and SL-before-TP, spread on
/// entries only, relative commission on entry and exit, all-in sizing in whole units (or a quantity step), FIFO
/// reduction of opposite trades, and cancellation when margin is insufficient.
/// </summary>
internal sealed class SimulatedBroker
{
    /// <summary>backtesting.py's "all available margin" is 1 − ε (ε = 2⁻⁵²), so an exact multiple buys one unit less.</summary>
    internal const decimal AllIn = 0.9999999999999997779553950750m;

    private readonly Candle[] _candles;
    private readonly BacktestOptions _options;
    private readonly List<SimOrder> _orders = [];
    private readonly List<SimTrade> _trades = [];
    private readonly List<BacktestTrade> _closedTrades = [];
    private readonly List<string> _warnings = [];
    private readonly decimal _entryCostFactor;
    private readonly Stack<SimOrder> _spare = new();
    private readonly Stack<SimTrade> _spareTrades = new();
    private readonly List<SimTrade> _closedInPass = [];
    private SimOrder[] _snapshot = new SimOrder[8];
    private bool _processing;
    private decimal _openSize;
    private decimal _openCost;

    public SimulatedBroker(Candle[] candles, BacktestOptions options)
    {
        _candles = candles;
        _options = options;
        Cash = options.Cash;
        _entryCostFactor = 1m + options.Commission;
    }

    public decimal Cash { get; private set; }

    public IReadOnlyList<SimTrade> OpenTrades => _trades;

    public IReadOnlyList<BacktestTrade> ClosedTrades => _closedTrades;

    public IReadOnlyList<string> Warnings => _warnings;

    public bool HasOrders => _orders.Count > 0;

    /// <summary>Net signed size of all open trades.</summary>
    public decimal PositionSize => _openSize;

    /// <summary>Equity at bar <paramref name="bar"/>'s close: cash + Σ size·(close − entry).</summary>
    public decimal EquityAt(int bar) => Cash + (_openSize * _candles[bar].Close) - _openCost;

    /// <summary>Average entry price of the open position (0 when flat).</summary>
    public decimal AverageEntryPrice => _openSize == 0m ? 0m : _openCost / _openSize;

    /// <summary>The constant part of equity (cash − Σ size·entry) for fast per-bar marking: E = K + size·close.</summary>
    public decimal EquityOffset => Cash - _openCost;

    public void PlaceEntry(int direction, decimal units, decimal marginFraction, decimal? limit, decimal? stop,
        decimal? stopLoss, decimal? takeProfit, string? reason)
    {
        var order = Rent(SimOrderKind.Entry, direction);
        order.Units = units;
        order.MarginFraction = marginFraction;
        order.Limit = limit;
        order.Stop = stop;
        order.StopLevel = stop;
        order.StopLoss = stopLoss;
        order.TakeProfit = takeProfit;
        order.Reason = reason;
        Enqueue(order);
    }

    /// <summary>A reset entry or close order: a spare one when there is one (see <see cref="SimOrder"/>), else a new one.</summary>
    private SimOrder Rent(SimOrderKind kind, int direction) =>
        _spare.TryPop(out var order) ? order.Reset(kind, direction) : SimOrder.Create(kind, direction);

    /// <summary>Keeps an entry or close order that has left the queue for reuse; contingent orders stay with their trade.</summary>
    private void Return(SimOrder order)
    {
        if (!order.IsActive && !order.IsContingent)
        {
            _spare.Push(order);
        }
    }

    private void Enqueue(SimOrder order, bool front = false)
    {
        if (front)
        {
            _orders.Insert(0, order);
        }
        else
        {
            _orders.Add(order);
        }
    }

    private void Remove(SimOrder order)
    {
        if (order.IsActive)
        {
            order.IsActive = false;
            RemoveReference(_orders, order);
        }
    }

    /// <summary>Queues market closes of every open trade at the front of the queue (they fill before new entries).</summary>
    public void CloseAll(ExitReason reason)
    {
        foreach (var trade in _trades)
        {
            var close = Rent(SimOrderKind.Close, -Math.Sign(trade.Size));
            close.Units = Math.Abs(trade.Size);
            close.Parent = trade;
            close.ExitReason = reason;
            Enqueue(close, front: true);
        }
    }

    /// <summary>Cancels pending entry orders (contingent and close orders stay).</summary>
    public void CancelPendingEntries()
    {
        for (var i = _orders.Count - 1; i >= 0; i--)
        {
            var order = _orders[i];
            if (order.Kind == SimOrderKind.Entry)
            {
                order.IsActive = false;
                _orders.RemoveAt(i);
                if (!_processing)
                {
                    Return(order);
                }
            }
        }
    }

    /// <summary>Processes the queue against bar <paramref name="bar"/>'s open, high and low.</summary>
    public void ProcessOrders(int bar)
    {
        ref readonly var candle = ref _candles[bar];
        var previousClose = _candles[Math.Max(bar - 1, 0)].Close;
        var reprocess = false;

        // Iterate over a snapshot (fills add and remove orders); a removed order is skipped by its flag.
        var count = _orders.Count;
        if (_snapshot.Length < count)
        {
            _snapshot = new SimOrder[Math.Max(count, _snapshot.Length * 2)];
        }

        _orders.CopyTo(_snapshot);
        _processing = true;
        for (var n = 0; n < count; n++)
        {
            var order = _snapshot[n];
            if (!order.IsActive)
            {
                continue;
            }

            var isLong = order.Direction > 0;
            var stopPrice = order.Stop;
            if (stopPrice is { } stop)
            {
                var stopHit = isLong ? candle.High >= stop : candle.Low <= stop;
                if (!stopHit)
                {
                    continue;
                }

                order.Stop = null;
            }

            decimal price;
            var fillBar = bar;
            if (order.Limit is { } limit)
            {
                var limitHit = isLong ? candle.Low <= limit : candle.High >= limit;
                var limitBeforeStop = limitHit && stopPrice is { } triggered && (isLong ? limit <= triggered : limit >= triggered);
                if (!limitHit || limitBeforeStop)
                {
                    continue;
                }

                var reference = stopPrice ?? candle.Open;
                price = isLong ? Math.Min(reference, limit) : Math.Max(reference, limit);
            }
            else
            {
                var onClose = _options.TradeOnClose && !order.IsContingent && stopPrice is null;
                price = onClose ? previousClose : candle.Open;
                if (onClose)
                {
                    fillBar = Math.Max(bar - 1, 0);
                }

                if (stopPrice is { } s)
                {
                    price = isLong ? Math.Max(price, s) : Math.Min(price, s);
                }
            }

            if (order.Parent is { } parent)
            {
                FillParentOrder(order, parent, price, fillBar);
                continue;
            }

            reprocess |= FillEntry(order, price, fillBar, bar);
        }

        // Orders that left the queue in this pass are reused only now: none of them can come back into the pass.
        _processing = false;
        for (var n = 0; n < count; n++)
        {
            Return(_snapshot[n]);
            _snapshot[n] = null!;
        }

        // Likewise trades closed in this pass: the orders that referred to them have left the queue with it.
        foreach (var closed in _closedInPass)
        {
            _spareTrades.Push(closed);
        }

        _closedInPass.Clear();

        if (reprocess)
        {
            ProcessOrders(bar);
        }
    }

    /// <summary>Closes every trade at bar <paramref name="bar"/>'s close and zeroes cash (equity went to zero or below).</summary>
    public void Liquidate(int bar)
    {
        while (_trades.Count > 0)
        {
            CloseTrade(_trades[0], _candles[bar].Close, bar, ExitReason.Liquidation);
        }

        foreach (var order in _orders)
        {
            order.IsActive = false;
            Return(order);
        }

        _orders.Clear();
        Cash = 0m;
    }

    private void FillParentOrder(SimOrder order, SimTrade parent, decimal price, int fillBar)
    {
        if (parent.IsOpen)
        {
            var units = Math.Min(Math.Abs(parent.Size), order.Units);
            var size = parent.Size > 0m ? -units : units;
            ReduceTrade(parent, price, size, fillBar, order.ExitReason);
        }

        if (ReferenceEquals(order, parent.StopLossOrder) || ReferenceEquals(order, parent.TakeProfitOrder))
        {
            if (parent.StopLossOrder is { } sl)
            {
                Remove(sl);
            }

            if (parent.TakeProfitOrder is { } tp)
            {
                Remove(tp);
            }

            parent.StopLossOrder = null;
            parent.TakeProfitOrder = null;
        }

        Remove(order);
    }

    /// <summary>Fills an entry; returns true when a market entry attached SL/TP orders (the queue is processed again).</summary>
    private bool FillEntry(SimOrder order, decimal price, int fillBar, int bar)
    {
        Remove(order);
        var direction = order.Direction;
        var adjustedPrice = _options.Spread == 0m ? price : price * (1m + (direction * _options.Spread));
        var unitCost = _options.Commission == 0m ? adjustedPrice : adjustedPrice * _entryCostFactor;

        decimal units;
        if (order.MarginFraction > 0m)
        {
            var budget = WithoutFixedCommission(MarginAvailable(bar) * order.MarginFraction);
            units = budget <= 0m || unitCost <= 0m ? 0m : TruncateToStep(budget / unitCost);
            if (units == 0m)
            {
                _warnings.Add($"Bar {bar}: order cancelled: not enough cash for even one quantity step at {adjustedPrice}.");
                return false;
            }
        }
        else
        {
            units = order.Units;
        }

        var need = direction > 0 ? units : -units;
        for (var t = 0; t < _trades.Count;)
        {
            var trade = _trades[t];
            if (Math.Sign(trade.Size) == direction)
            {
                t++;
                continue;
            }

            if (Math.Abs(need) >= Math.Abs(trade.Size))
            {
                need += trade.Size;
                CloseTrade(trade, price, fillBar, ExitReason.Signal);
            }
            else
            {
                ReduceTrade(trade, price, need, fillBar, ExitReason.Signal);
                need = 0m;
                t++;
            }

            if (need == 0m)
            {
                break;
            }
        }

        if (need == 0m)
        {
            return false;
        }

        var cost = Math.Abs(need) * unitCost;
        if ((_options.FixedCommission == 0m ? cost : cost + _options.FixedCommission) > MarginAvailable(bar))
        {
            var affordable = order.ShrinkToMargin && unitCost > 0m
                ? TruncateToStep(Math.Max(0m, WithoutFixedCommission(MarginAvailable(bar))) / unitCost)
                : 0m;
            if (affordable <= 0m)
            {
                _warnings.Add($"Bar {bar}: order of {need} units cancelled: insufficient margin.");
                return false;
            }

            _warnings.Add($"Bar {bar}: order of {need} units reduced to {direction * affordable}: insufficient margin at the fill price {adjustedPrice}.");
            need = direction * affordable;
        }

        var opened = (_spareTrades.TryPop(out var spare) ? spare : new SimTrade()).Open(need, adjustedPrice, fillBar, order.Reason);
        _trades.Add(opened);
        _openSize += need;
        _openCost += need * adjustedPrice;
        if (HasCommission)
        {
            Cash -= CommissionFor(need, adjustedPrice);
        }

        var stopLevel = order.StopLoss;
        var takeProfitLevel = order.TakeProfit;
        var stopReason = ExitReason.StopLoss;
        if (ExitLevels.ForEntry(direction > 0, adjustedPrice, order.Exits) is { } levels)
        {
            opened.Levels = levels;
            takeProfitLevel = levels.TakeProfit;
            if (levels.ActiveStop is var (level, kind))
            {
                stopLevel = level;
                stopReason = ExitReasonOf(kind);
            }
        }

        if (stopLevel is { } stopLoss)
        {
            opened.StopLossOrder = SimOrder.Create(SimOrderKind.StopLoss, -direction);
            opened.StopLossOrder.Units = Math.Abs(need);
            opened.StopLossOrder.Stop = stopLoss;
            opened.StopLossOrder.StopLevel = stopLoss;
            opened.StopLossOrder.Parent = opened;
            opened.StopLossOrder.ExitReason = stopReason;
            Enqueue(opened.StopLossOrder, front: true);
        }

        if (takeProfitLevel is { } takeProfit)
        {
            opened.TakeProfitOrder = SimOrder.Create(SimOrderKind.TakeProfit, -direction);
            opened.TakeProfitOrder.Units = Math.Abs(need);
            opened.TakeProfitOrder.Limit = takeProfit;
            opened.TakeProfitOrder.Parent = opened;
            opened.TakeProfitOrder.ExitReason = ExitReason.TakeProfit;
            Enqueue(opened.TakeProfitOrder);
        }

        var isMarket = order.Limit is null && order.Stop is null;
        return isMarket && (stopLevel is not null || takeProfitLevel is not null);
    }

    /// <summary>
    /// Risk mode: a market entry of <paramref name="units"/> sized by the risk gate, with its exit plan. Units the
    /// margin cannot cover at the fill price are dropped (a warning says so) rather than the whole order.
    /// </summary>
    public void PlaceRiskEntry(int direction, decimal units, ExitPlan? exits, string? reason)
    {
        var order = Rent(SimOrderKind.Entry, direction);
        order.Units = units;
        order.Exits = exits;
        order.ShrinkToMargin = true;
        order.Reason = reason;
        _orders.Add(order);
    }

    /// <summary>
    /// Risk mode, after bar <paramref name="bar"/>'s fills: raises each trailing stop from the bar's best price
    /// (<see cref="ExitLevels.Trail"/>) and moves the stop order to the tighter of stop-loss and trailing stop.
    /// </summary>
    public void TrailStops(int bar)
    {
        foreach (var trade in _trades)
        {
            if (trade.Levels is not { } levels)
            {
                continue;
            }

            var trailed = levels.Trail(in _candles[bar]);
            if (ReferenceEquals(trailed, levels))
            {
                continue;
            }

            trade.Levels = trailed;
            if (trade.StopLossOrder is { } stop && trailed.ActiveStop is var (level, kind))
            {
                stop.Stop = level;
                stop.StopLevel = level;
                stop.ExitReason = ExitReasonOf(kind);
            }
        }
    }

    internal static ExitReason ExitReasonOf(ProtectiveExit kind) => kind switch
    {
        ProtectiveExit.StopLoss => ExitReason.StopLoss,
        ProtectiveExit.TakeProfit => ExitReason.TakeProfit,
        ProtectiveExit.TrailingStop => ExitReason.TrailingStop,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    internal decimal MarginAvailable(int bar)
    {
        if (_trades.Count == 0)
        {
            return Math.Max(0m, Cash);
        }

        var close = _candles[bar].Close;
        var used = 0m;
        foreach (var trade in _trades)
        {
            used += Math.Abs(trade.Size) * close;
        }

        return Math.Max(0m, EquityAt(bar) - used);
    }

    private decimal TruncateToStep(decimal quantity) =>
        _options.QuantityStep == 1m ? Math.Floor(quantity) : Math.Floor(quantity / _options.QuantityStep) * _options.QuantityStep;

    private decimal CommissionFor(decimal size, decimal price) =>
        _options.Commission == 0m ? _options.FixedCommission : _options.FixedCommission + (Math.Abs(size) * price * _options.Commission);

    /// <summary>Removes <paramref name="item"/> (by reference; the lists are short and usually hold it last or first).</summary>
    private static void RemoveReference<T>(List<T> list, T item)
        where T : class
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(list[i], item))
            {
                list.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>Whether any commission is charged (without, the cash arithmetic of a fill skips adding zeros).</summary>
    private bool HasCommission => _options.Commission != 0m || _options.FixedCommission != 0m;

    /// <summary><paramref name="amount"/> less the fixed commission (the same value and scale when there is none).</summary>
    private decimal WithoutFixedCommission(decimal amount) =>
        _options.FixedCommission == 0m ? amount : amount - _options.FixedCommission;

    private void ReduceTrade(SimTrade trade, decimal price, decimal size, int fillBar, ExitReason reason)
    {
        var left = trade.Size + size;
        if (left == 0m)
        {
            CloseTrade(trade, price, fillBar, reason);
            return;
        }

        // Part of the trade closes: record the closed part as its own trade and keep the rest open.
        trade.Size = left;
        _openSize += size;
        _openCost += size * trade.EntryPrice;
        if (trade.StopLossOrder is { } sl)
        {
            sl.Units = Math.Abs(left);
        }

        if (trade.TakeProfitOrder is { } tp)
        {
            tp.Units = Math.Abs(left);
        }

        RecordClose(-size, trade, price, fillBar, reason);
    }

    private void CloseTrade(SimTrade trade, decimal price, int fillBar, ExitReason reason)
    {
        RemoveReference(_trades, trade);
        trade.IsOpen = false;
        if (_processing)
        {
            _closedInPass.Add(trade);
        }
        if (trade.StopLossOrder is { } sl)
        {
            Remove(sl);
        }

        if (trade.TakeProfitOrder is { } tp)
        {
            Remove(tp);
        }

        _openSize -= trade.Size;
        _openCost -= trade.Size * trade.EntryPrice;
        RecordClose(trade.Size, trade, price, fillBar, reason);
    }

    /// <summary>Books the exit of <paramref name="size"/> units of <paramref name="trade"/>: cash, commissions, trade list.</summary>
    private void RecordClose(decimal size, SimTrade trade, decimal price, int fillBar, ExitReason reason)
    {
        var gain = size * (price - trade.EntryPrice);
        decimal commission;
        if (HasCommission)
        {
            var exitCommission = CommissionFor(size, price);
            Cash += gain - exitCommission;
            commission = CommissionFor(size, trade.EntryPrice) + exitCommission;
        }
        else
        {
            Cash += gain;
            commission = 0m;
        }

        _closedTrades.Add(new BacktestTrade(
            size,
            trade.EntryBar,
            fillBar,
            _candles[trade.EntryBar].Time,
            _candles[fillBar].Time,
            trade.EntryPrice,
            price,
            commission,
            trade.StopLossOrder?.StopLevel,
            trade.TakeProfitOrder?.Limit,
            trade.EntryReason,
            reason));
    }
}

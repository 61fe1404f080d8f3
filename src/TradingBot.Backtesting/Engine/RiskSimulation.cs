using TradingBot.Core.Exchange;
using TradingBot.Core.Indicators;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Strategies;
using VenueMarket = TradingBot.Core.Exchange.Market;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// Risk mode of the backtest: the live <see cref="RiskGate"/> between the strategy and the simulated broker. At
/// each bar's close it builds the <see cref="RiskContext"/> a live portfolio would (equity, available margin, the
/// position, the UTC day's P&amp;L, the remembered <see cref="RiskState"/>), reviews the account (halts, resumes,
/// kill switch), and sends each signal's exit and entry through the gate, sized from the signal bar's close. It
/// keeps the state in memory by folding the gate's events and the broker's closed trades, and records every
/// rejection, halt and decision.
/// </summary>
internal sealed class RiskSimulation
{
    /// <summary>The backtest's single instrument (candle files carry no symbol).</summary>
    internal static readonly Symbol Instrument = new("BASE", "QUOTE");

    private const decimal PriceTick = 0.00000001m;

    private readonly Candle[] _bars;
    private readonly SimulatedBroker _broker;
    private readonly RiskGate _gate;
    private readonly string _strategy;
    private readonly VenueMarket _market;
    private readonly Atr? _atr;
    private readonly TimeSpan _lookback;
    private readonly decimal _fixedCommission;
    private readonly List<BacktestRejection> _rejections = [];
    private readonly List<BacktestHalt> _halts = [];
    private readonly List<BacktestRiskDecision> _decisions = [];
    private RiskState _state;
    private DateOnly _day;
    private decimal _dayStartEquity;
    private decimal _lastEquity;
    private decimal _realizedToday;
    private int _seenTrades;

    public RiskSimulation(Candle[] bars, BacktestOptions options, string strategy, SimulatedBroker broker)
    {
        var risk = options.Risk ?? throw new ArgumentException("Risk mode needs risk options.", nameof(options));
        _bars = bars;
        _broker = broker;
        _strategy = strategy;
        _gate = new RiskGate(risk);
        var limits = risk.For(strategy);
        _atr = limits.NeedsAtr ? new Atr(limits.AtrPeriod) : null;
        _lookback = risk.Lookback;
        _fixedCommission = options.FixedCommission;
        _market = new VenueMarket("backtest", Instrument, new MarketPrecision(options.QuantityStep, PriceTick), new MarketLimits
        {
            Cost = new MinMax(options.MinNotional > 0m ? options.MinNotional : null, null),
        })
        {
            Taker = options.Commission,
            Maker = options.Commission,
        };
        _state = RiskState.Start(options.Cash);
        _day = DayOf(0);
        _dayStartEquity = options.Cash;
        _lastEquity = options.Cash;
    }

    public IReadOnlyList<BacktestRejection> Rejections => _rejections;

    public IReadOnlyList<BacktestHalt> Halts => _halts;

    public IReadOnlyList<BacktestRiskDecision> Decisions => _decisions;

    /// <summary>After bar <paramref name="bar"/>'s fills: trails the stops, books exits, rolls the UTC day and reviews the account.</summary>
    public void OnBarClosed(int bar)
    {
        ref readonly var candle = ref _bars[bar];
        _broker.TrailStops(bar);
        _atr?.Update((double)candle.High, (double)candle.Low, (double)candle.Close);
        var day = DayOf(bar);
        if (day != _day)
        {
            _day = day;
            _dayStartEquity = _lastEquity;
            _realizedToday = 0m;
        }

        var closed = _broker.ClosedTrades;
        for (; _seenTrades < closed.Count; _seenTrades++)
        {
            var trade = closed[_seenTrades];
            if (DateOnly.FromDateTime(trade.ExitTime.UtcDateTime) == _day)
            {
                _realizedToday += trade.PnL;
            }

            _state = _state.Apply(new PositionClosed(trade.ExitTime, Instrument, trade.ExitReason is ExitReason.StopLoss or ExitReason.TrailingStop));
        }

        var context = Context(bar);
        var review = _gate.ReviewAccount(context);
        Remember(bar, review.Events);
        if (review.Orders.Count > 0)
        {
            _broker.CancelPendingEntries();
            _broker.CloseAll(ExitReason.KillSwitch);
            Remember(bar, [.. review.Orders.Select(o => new OrderPlaced(context.Now, o.Symbol, o.Purpose))]);
        }

        _state = _state.Prune(context.Now - _lookback);
        _lastEquity = context.Equity;
    }

    /// <summary>The strategy's new target at bar <paramref name="bar"/>'s close, through the gate: exit first, then the sized entry.</summary>
    public void Apply(int bar, StrategySignal signal)
    {
        var current = Math.Sign(_broker.PositionSize);
        var target = (int)signal.Target;
        if (current == target)
        {
            return;
        }

        _broker.CancelPendingEntries();
        var context = Context(bar);
        if (current != 0)
        {
            var exit = _gate.EvaluateExit(_strategy, Instrument, context);
            Record(bar, null, context, exit);
            if (!exit.IsApproved)
            {
                return;
            }

            _broker.CloseAll(ExitReason.Signal);
            var freed = context.Equity - ExitCommission(context.Positions[Instrument]);
            context = context with { State = _state, Positions = new Dictionary<Symbol, RiskPosition>(), AvailableCash = Math.Max(0m, freed) };
        }

        if (target == 0)
        {
            return;
        }

        var request = new EntryRequest(_strategy, Instrument, target > 0 ? OrderSide.Buy : OrderSide.Sell, _bars[bar].Close, _market)
        {
            Atr = _atr is { IsReady: true } atr && double.IsFinite(atr.Value) ? (decimal)atr.Value : null,
        };
        var entry = _gate.EvaluateEntry(request, context);
        Record(bar, request, context, entry);
        if (entry.IsApproved)
        {
            _broker.PlaceRiskEntry(target, entry.Order.Quantity, entry.Order.Exits, signal.Reason);
        }
    }

    private decimal ExitCommission(RiskPosition position) =>
        (Math.Abs(position.Quantity) * position.MarkPrice * Math.Max(0m, _market.Taker)) + _fixedCommission;

    private void Record(int bar, EntryRequest? request, RiskContext context, RiskDecision decision)
    {
        _decisions.Add(new BacktestRiskDecision(bar, request, context, decision));
        if (decision.IsApproved)
        {
            Remember(bar, decision.Events);
        }
        else
        {
            _rejections.Add(new BacktestRejection(bar, _bars[bar].Time, decision.Reason.Value, decision.Message));
        }
    }

    private void Remember(int bar, IReadOnlyList<RiskEvent> events)
    {
        foreach (var change in events)
        {
            _state = _state.Apply(change);
            switch (change)
            {
                case TradingHalted halted:
                    _halts.Add(new BacktestHalt(bar, _bars[bar].Time, true, halted.Reason, halted.Message));
                    break;
                case TradingResumed resumed:
                    _halts.Add(new BacktestHalt(bar, _bars[bar].Time, false, resumed.Reason, resumed.Message));
                    break;
            }
        }
    }

    private RiskContext Context(int bar)
    {
        var close = _bars[bar].Close;
        var equity = _broker.EquityAt(bar);
        var size = _broker.PositionSize;
        var positions = new Dictionary<Symbol, RiskPosition>();
        if (size != 0m)
        {
            positions[Instrument] = new RiskPosition(Instrument, size, _broker.AverageEntryPrice, close);
        }

        var now = CloseTime(bar);
        return new RiskContext
        {
            Now = now,
            TradingDay = _day,
            Equity = equity,
            AvailableCash = _broker.MarginAvailable(bar),
            Positions = positions,
            DayStartEquity = _dayStartEquity,
            RealizedPnLToday = _realizedToday,
            UnrealizedPnLToday = equity - _dayStartEquity - _realizedToday,
            LastCandleAt = now,
            State = _state,
        };
    }

    /// <summary>A bar closes when the next one opens; the last bar is assumed as long as the one before it.</summary>
    private DateTimeOffset CloseTime(int bar) =>
        bar + 1 < _bars.Length ? _bars[bar + 1].Time
        : bar > 0 ? _bars[bar].Time + (_bars[bar].Time - _bars[bar - 1].Time)
        : _bars[bar].Time;

    private DateOnly DayOf(int bar) => DateOnly.FromDateTime(_bars[bar].Time.UtcDateTime);
}

using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;

namespace TradingBot.Testing;

/// <summary>Builders for risk tests: a context at a fixed time, positions, venue markets and entry requests.</summary>
public static class RiskContexts
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static readonly Symbol Btc = new("BTC", "USDT");

    public static readonly Symbol Eth = new("ETH", "USDT");

    public static readonly Symbol Sol = new("SOL", "USDT");

    /// <summary>A flat account: equity = cash = day-start equity = starting equity = peak, the last candle just closed.</summary>
    public static RiskContext Flat(decimal equity = 10_000m) => new()
    {
        Now = Now,
        TradingDay = Today,
        Equity = equity,
        AvailableCash = equity,
        DayStartEquity = equity,
        LastCandleAt = Now,
        State = RiskState.Start(equity),
    };

    /// <summary>Adds a position marked at <paramref name="price"/>, paid from available cash (shorts reserve the same margin).</summary>
    public static RiskContext With(this RiskContext context, Symbol symbol, decimal quantity, decimal price)
    {
        ArgumentNullException.ThrowIfNull(context);
        var positions = new Dictionary<Symbol, RiskPosition>(context.Positions) { [symbol] = new RiskPosition(symbol, quantity, price, price) };
        return context with { Positions = positions, AvailableCash = context.AvailableCash - (Math.Abs(quantity) * price) };
    }

    /// <summary>Applies events to the context's state.</summary>
    public static RiskContext After(this RiskContext context, params Core.Risk.Events.RiskEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context with { State = context.State.Apply(events) };
    }

    /// <summary>A venue market with an amount step, an optional minimum notional and amount, and a 0.1 % taker fee.</summary>
    public static Market Venue(Symbol symbol, decimal amountStep = 0.00001m, decimal? minNotional = null, decimal? minAmount = null,
        decimal? maxAmount = null, decimal taker = 0.001m) =>
        new($"{symbol.Base}{symbol.Quote}", symbol, new MarketPrecision(amountStep, 0.01m), new MarketLimits
        {
            Amount = new MinMax(minAmount, maxAmount),
            Cost = new MinMax(minNotional, null),
        })
        {
            Taker = taker,
        };

    public static EntryRequest Buy(Symbol symbol, decimal price, Market? market = null, string strategy = "sma-cross") =>
        new(strategy, symbol, OrderSide.Buy, price, market ?? Venue(symbol));

    public static EntryRequest Sell(Symbol symbol, decimal price, Market? market = null, string strategy = "sma-cross") =>
        new(strategy, symbol, OrderSide.Sell, price, market ?? Venue(symbol));
}

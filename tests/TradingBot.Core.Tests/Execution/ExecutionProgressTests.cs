using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Execution;

public sealed class ExecutionProgressTests
{
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly TrackedOrder Order = new("ord-1", "tb1", "sig-1", "candle:1", "s1", "binance", "paper-binance", TradingMode.Paper,
        BtcUsdt, OrderSide.Buy, OrderType.Market, 1m, 100m, At);

    private static Order Report(OrderStatus status, params Trade[] trades) =>
        new("v-1", "tb1", BtcUsdt, OrderType.Market, OrderSide.Buy, status) { Amount = 1m, Trades = trades };

    private static Trade Trade(string id, decimal amount, decimal price) =>
        new(id, "v-1", BtcUsdt, OrderSide.Buy, price, amount, At) { Fee = new Fee(amount * price * 0.001m, "USDT") };

    [Fact]
    public void Apply_PartialThenFull_AccumulatesEachTradeOnce()
    {
        var first = ExecutionProgress.Apply(Order, new HashSet<string>(), Report(OrderStatus.Open, Trade("t1", 0.4m, 100m)), At);
        var recorded = first.NewFills.Select(f => f.TradeId).ToHashSet();
        var second = ExecutionProgress.Apply(first.Order, recorded, Report(OrderStatus.Closed, Trade("t1", 0.4m, 100m), Trade("t2", 0.6m, 101m)), At);

        Assert.Equal(OrderState.PartiallyFilled, first.Order.State);
        Assert.Equal("t2", Assert.Single(second.NewFills).TradeId);
        Assert.Equal(OrderState.Filled, second.Order.State);
        Assert.Equal(1m, second.Order.Filled);
        Assert.Equal(40m + 60.6m, second.Order.Cost);
        Assert.Equal(0.1006m, second.Order.FeeCost);
        Assert.Equal("v-1", second.Order.ExchangeOrderId);
    }

    [Fact]
    public void Apply_SameReportTwice_AddsNothingTheSecondTime()
    {
        var report = Report(OrderStatus.Closed, Trade("t1", 1m, 100m));
        var first = ExecutionProgress.Apply(Order, new HashSet<string>(), report, At);
        var again = ExecutionProgress.Apply(first.Order, first.NewFills.Select(f => f.TradeId).ToHashSet(), report, At);

        Assert.Empty(again.NewFills);
        Assert.False(again.Changed(first.Order));
    }

    [Fact]
    public void Apply_CumulativeOnlyVenue_SynthesizesTheIncrementFromCost()
    {
        var partial = new Order("v-1", "tb1", BtcUsdt, OrderType.Market, OrderSide.Buy, OrderStatus.Open) { Amount = 1m, Filled = 0.25m, Cost = 25m };
        var full = partial with { Status = OrderStatus.Closed, Filled = 1m, Cost = 100.75m };

        var first = ExecutionProgress.Apply(Order, new HashSet<string>(), partial, At);
        var second = ExecutionProgress.Apply(first.Order, first.NewFills.Select(f => f.TradeId).ToHashSet(), full, At);

        var increment = Assert.Single(second.NewFills);
        Assert.Equal("cum-1", increment.TradeId);
        Assert.Equal(0.75m, increment.Amount);
        Assert.Equal(101m, increment.Price);
        Assert.Equal(1m, second.Order.Filled);
    }

    [Fact]
    public void Apply_TradesAfterSynthesizedFill_NeverDoubleCount()
    {
        var cumulative = new Order("v-1", "tb1", BtcUsdt, OrderType.Market, OrderSide.Buy, OrderStatus.Closed) { Amount = 1m, Filled = 1m, Cost = 100m };
        var first = ExecutionProgress.Apply(Order, new HashSet<string>(), cumulative, At);
        var detailed = Report(OrderStatus.Closed, Trade("t1", 1m, 100m));

        var second = ExecutionProgress.Apply(first.Order, first.NewFills.Select(f => f.TradeId).ToHashSet(), detailed, At);

        Assert.Empty(second.NewFills);
        Assert.Equal(1m, second.Order.Filled);
    }

    [Fact]
    public void Apply_TerminalStateIsFinal_ALaterOpenReportDoesNotReopen()
    {
        var filled = Order with { State = OrderState.Filled, Filled = 1m, Cost = 100m };

        var update = ExecutionProgress.Apply(filled, new HashSet<string>(), Report(OrderStatus.Open), At);

        Assert.Equal(OrderState.Filled, update.Order.State);
    }

    [Fact]
    public void Apply_Rejected_RecordsAReason()
    {
        var update = ExecutionProgress.Apply(Order, new HashSet<string>(), Report(OrderStatus.Rejected), At);

        Assert.Equal(OrderState.Rejected, update.Order.State);
        Assert.Contains("rejected", update.Order.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderState.Filled, true)]
    [InlineData(OrderState.Canceled, true)]
    [InlineData(OrderState.Rejected, true)]
    [InlineData(OrderState.Expired, true)]
    [InlineData(OrderState.Unknown, false)]
    [InlineData(OrderState.Submitting, false)]
    [InlineData(OrderState.PartiallyFilled, false)]
    public void IsTerminal_ByState(OrderState state, bool terminal) => Assert.Equal(terminal, state.IsTerminal());

    [Fact]
    public void TradingAccounts_PaperAndLiveNeverShareAnAccount()
    {
        Assert.Equal("binance", TradingAccounts.For("binance", TradingMode.Live));
        Assert.Equal("paper-binance", TradingAccounts.For("binance", TradingMode.Paper));
        Assert.Equal("paper", TradingAccounts.For("paper", TradingMode.Live));
        Assert.True(TradingAccounts.IsPaper("paper-binance"));
        Assert.False(TradingAccounts.IsPaper("binance"));
    }
}

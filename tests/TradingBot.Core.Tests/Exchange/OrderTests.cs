using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Exchange;

/// <summary>CCXT safeOrder derivations (exchanges.md §4.5).</summary>
public sealed class OrderTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Order New(OrderType type = OrderType.Limit, OrderStatus status = OrderStatus.Open) => new("1", "c1", BtcUsdt, type, OrderSide.Buy, status);

    private static Trade Fill(string id, decimal price, decimal amount, int second, Fee? fee = null) =>
        new(id, "1", BtcUsdt, OrderSide.Buy, price, amount, T0.AddSeconds(second)) { Fee = fee };

    [Fact]
    public void Normalize_TradesOnly_SumsFilledCostFeesAndLastTradeTime()
    {
        var order = New(OrderType.Market, OrderStatus.Closed) with
        {
            Trades = [Fill("a", 100m, 1m, 1, new Fee(0.1m, "USDT")), Fill("b", 110m, 1m, 5, new Fee(0.11m, "USDT"))],
        };

        var normalized = order.Normalize();

        Assert.Equal(2m, normalized.Filled);
        Assert.Equal(210m, normalized.Cost);
        Assert.Equal(105m, normalized.Average);
        Assert.Equal(105m, normalized.Price);
        Assert.Equal(2m, normalized.Amount);
        Assert.Equal(0m, normalized.Remaining);
        Assert.Equal(new Fee(0.21m, "USDT"), normalized.Fee);
        Assert.Equal(T0.AddSeconds(5), normalized.LastTradeTimestamp);
    }

    [Fact]
    public void Normalize_FeesInTwoCurrencies_KeepsBothAndNoSingleFee()
    {
        var order = New() with { Trades = [Fill("a", 100m, 1m, 1, new Fee(0.001m, "BNB")), Fill("b", 100m, 1m, 2, new Fee(0.1m, "USDT"))] };

        var normalized = order.Normalize();

        Assert.Equal(2, normalized.Fees.Count);
        Assert.Null(normalized.Fee);
    }

    [Fact]
    public void Normalize_FilledAndRemaining_AmountIsTheirSum()
    {
        Assert.Equal(3m, (New() with { Filled = 1m, Remaining = 2m }).Normalize().Amount);
    }

    [Fact]
    public void Normalize_AmountAndRemaining_FilledIsTheDifference()
    {
        var normalized = (New() with { Amount = 3m, Remaining = 2.5m }).Normalize();

        Assert.Equal(0.5m, normalized.Filled);
        Assert.Equal(2.5m, normalized.Remaining);
    }

    [Fact]
    public void Normalize_AmountAndFilled_RemainingNeverNegative()
    {
        Assert.Equal(0m, (New() with { Amount = 1m, Filled = 1.2m }).Normalize().Remaining);
        Assert.Equal(0.4m, (New() with { Amount = 1m, Filled = 0.6m }).Normalize().Remaining);
    }

    [Fact]
    public void Normalize_ClosedWithoutAmount_AmountIsFilled()
    {
        Assert.Equal(0.7m, (New(status: OrderStatus.Closed) with { Filled = 0.7m }).Normalize().Amount);
    }

    [Fact]
    public void Normalize_CostAndFilled_AverageIsCostOverFilled()
    {
        Assert.Equal(250m, (New() with { Amount = 2m, Filled = 2m, Cost = 500m }).Normalize().Average);
    }

    [Fact]
    public void Normalize_NoCost_CostFromAverageThenPrice()
    {
        Assert.Equal(202m, (New() with { Filled = 2m, Average = 101m, Price = 90m }).Normalize().Cost);
        Assert.Equal(180m, (New() with { Filled = 2m, Price = 90m }).Normalize().Cost);
    }

    [Fact]
    public void Normalize_NothingFilled_NoAverage()
    {
        var normalized = (New() with { Amount = 1m, Price = 100m }).Normalize();

        Assert.Null(normalized.Average);
        Assert.Equal(0m, normalized.Cost);
        Assert.Equal(1m, normalized.Remaining);
    }

    [Fact]
    public void Normalize_LimitOrderWithoutPrice_PriceStaysUnknown()
    {
        Assert.Null((New() with { Filled = 1m, Cost = 100m }).Normalize().Price);
    }

    [Fact]
    public void IsTerminal_OnlyOpenIsNot()
    {
        Assert.False(New().IsTerminal);
        Assert.All(new[] { OrderStatus.Closed, OrderStatus.Canceled, OrderStatus.Expired, OrderStatus.Rejected },
            s => Assert.True(New(status: s).IsTerminal));
    }

    [Fact]
    public void Ticker_DerivedFields_ChangePercentageAverageMid()
    {
        var ticker = new Ticker(BtcUsdt, T0) { Open = 100m, Last = 110m, Bid = 109m, Ask = 111m };

        Assert.Equal((10m, 10m, 105m, 110m, 110m), (ticker.Change, ticker.Percentage, ticker.Average, ticker.Mid, ticker.Close));
    }
}

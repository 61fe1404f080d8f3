using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Exchange;

public sealed class OrderValidatorTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");

    private static readonly global::TradingBot.Core.Exchange.Market Btc = new("BTCUSDT", BtcUsdt, new MarketPrecision(0.00001m, 0.01m) { CostStep = 0.00000001m }, new MarketLimits
    {
        Amount = new MinMax(0.00001m, 9000m),
        Price = new MinMax(0.01m, 1_000_000m),
        Cost = new MinMax(5m, 9_000_000m),
        MarketAmount = new MinMax(0.00001m, 85.41m),
    });

    private static CreateOrderRequest Limit(OrderSide side, decimal amount, decimal price) =>
        new(BtcUsdt, OrderType.Limit, side, "cid-1") { Amount = amount, Price = price };

    [Fact]
    public void Prepare_Limit_TruncatesAmountToStep()
    {
        var prepared = OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.0012399m, 90000m));

        Assert.Equal(0.00123m, prepared.Amount);
    }

    [Fact]
    public void Prepare_BuyLimit_RoundsPriceDownToTheTick()
    {
        Assert.Equal(90000.55m, OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.001m, 90000.559m)).Price);
    }

    [Fact]
    public void Prepare_SellLimit_RoundsPriceUpToTheTick()
    {
        Assert.Equal(90000.56m, OrderValidator.Prepare(Btc, Limit(OrderSide.Sell, 0.001m, 90000.551m)).Price);
    }

    [Fact]
    public void Prepare_TinyNotional_InvalidOrderWithTheNumbers()
    {
        var error = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.00005m, 90000m)));

        Assert.Equal("BTC/USDT: cost (price × amount) 4.5 is below the minimum 5.", error.Message);
    }

    [Fact]
    public void Prepare_NotionalExactlyAtMinimum_Accepted()
    {
        Assert.Equal(0.0001m, OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.0001m, 50000m)).Amount);
    }

    [Fact]
    public void Prepare_AmountBelowOneStep_InvalidOrderNeverRoundedUp()
    {
        var error = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.000009m, 900000m)));

        Assert.Contains("must be greater than the minimum amount precision 0.00001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_AmountAboveMaximum_InvalidOrder()
    {
        var error = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Sell, 9000.5m, 100m)));

        Assert.Contains("amount 9000.5 is above the maximum 9000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_PriceAboveMaximum_InvalidOrder()
    {
        var error = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Sell, 0.001m, 2_000_000m)));

        Assert.Contains("price 2000000 is above the maximum 1000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_BuyPriceBelowOneTick_InvalidOrder()
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 1m, 0.009m)));
    }

    [Fact]
    public void Prepare_MarketOrder_UsesMarketAmountLimitsAndReferencePriceForNotional()
    {
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "m") { Amount = 86m };

        var tooBig = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, request, referencePrice: 1m));
        var tooSmall = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, request with { Amount = 0.00004m }, referencePrice: 90000m));

        Assert.Contains("above the maximum 85.41", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("cost", tooSmall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_MarketOrderWithoutReferencePrice_SkipsOnlyTheNotionalCheck()
    {
        var prepared = OrderValidator.Prepare(Btc, new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Sell, "m") { Amount = 0.00004m });

        Assert.Equal(0.00004m, prepared.Amount);
    }

    [Fact]
    public void Prepare_MarketBuyByQuote_TruncatedToCostStepAndCheckedAgainstCostLimits()
    {
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "q") { QuoteAmount = 100.123456789m };

        var prepared = OrderValidator.Prepare(Btc, request);
        var tooSmall = Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, request with { QuoteAmount = 4.99m }));

        Assert.Equal(100.12345678m, prepared.QuoteAmount);
        Assert.Contains("cost 4.99 is below the minimum 5", tooSmall.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderType.Limit, OrderSide.Buy)]
    [InlineData(OrderType.Market, OrderSide.Sell)]
    public void Prepare_QuoteAmountOutsideMarketBuys_InvalidOrder(OrderType type, OrderSide side)
    {
        var request = new CreateOrderRequest(BtcUsdt, type, side, "q") { QuoteAmount = 100m, Price = type == OrderType.Limit ? 100m : null };

        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, request));
    }

    [Fact]
    public void Prepare_MarketOrderWithPrice_InvalidOrder()
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc,
            new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "m") { Amount = 1m, Price = 100m }));
    }

    [Fact]
    public void Prepare_PostOnlyMarket_InvalidOrder()
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc,
            new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "m") { Amount = 1m, PostOnly = true }));
    }

    [Fact]
    public void Prepare_LimitWithoutPrice_InvalidOrder()
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "l") { Amount = 1m }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Prepare_NoClientOrderId_InvalidOrder(string id)
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0.001m, 90000m) with { ClientOrderId = id }));
    }

    [Fact]
    public void Prepare_InactiveMarket_MarketClosed()
    {
        Assert.Throws<MarketClosed>(() => OrderValidator.Prepare(Btc with { Active = false }, Limit(OrderSide.Buy, 0.001m, 90000m)));
    }

    [Fact]
    public void Prepare_ZeroOrNegativeAmount_InvalidOrder()
    {
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, 0m, 90000m)));
        Assert.Throws<InvalidOrder>(() => OrderValidator.Prepare(Btc, Limit(OrderSide.Buy, -1m, 90000m)));
    }
}

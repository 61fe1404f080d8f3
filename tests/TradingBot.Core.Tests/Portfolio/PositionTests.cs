using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Portfolio;

namespace TradingBot.Core.Tests.Portfolio;

public sealed class PositionTests
{
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly Position _flat = new("paper-binance", BtcUsdt, "s1");

    [Fact]
    public void Apply_TwoBuys_WeightsTheAverageCost()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 1m, null, At).Apply(OrderSide.Buy, 130m, 2m, null, At);

        Assert.Equal(3m, position.Quantity);
        Assert.Equal(120m, position.AverageCost);
        Assert.Equal(0m, position.RealizedPnl);
        Assert.Equal(2, position.FillCount);
    }

    [Fact]
    public void Apply_PartialSell_RealizesProfitOnTheSoldPartOnly()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 2m, null, At).Apply(OrderSide.Sell, 110m, 0.5m, null, At);

        Assert.Equal(1.5m, position.Quantity);
        Assert.Equal(100m, position.AverageCost);
        Assert.Equal(5m, position.RealizedPnl);
        Assert.Equal(15m, position.UnrealizedPnl(110m));
    }

    [Fact]
    public void Apply_QuoteFees_AreRealizedExpenses()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 1m, new Fee(0.1m, "USDT"), At).Apply(OrderSide.Sell, 120m, 1m, new Fee(0.12m, "USDT"), At);

        Assert.True(position.IsFlat);
        Assert.Equal(0m, position.AverageCost);
        Assert.Equal(20m - 0.22m, position.RealizedPnl);
        Assert.Equal(0.22m, position.Fees);
    }

    [Fact]
    public void Apply_BaseCurrencyFee_ReducesTheQuantityReceivedAndKeepsEquityExact()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 1m, new Fee(0.001m, "BTC"), At);

        Assert.Equal(0.999m, position.Quantity);
        Assert.Equal(100m, position.AverageCost);
        Assert.Equal(-0.1m, position.RealizedPnl);
        // Cash paid 100; holdings worth 99.9 at 100: equity change = realized + unrealized = -0.1.
        Assert.Equal(-100m + position.MarketValue(100m), position.RealizedPnl + position.UnrealizedPnl(100m));
    }

    [Fact]
    public void Apply_ThirdCurrencyFee_IsTrackedSeparately()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 1m, new Fee(0.0002m, "BNB"), At);

        Assert.Equal(0m, position.Fees);
        Assert.Equal(0.0002m, position.OtherFees["BNB"]);
    }

    [Fact]
    public void Apply_SellMoreThanHeld_ClosesAndOpensAShortAtTheSellPrice()
    {
        var position = _flat.Apply(OrderSide.Buy, 100m, 1m, null, At).Apply(OrderSide.Sell, 90m, 3m, null, At);

        Assert.Equal(-2m, position.Quantity);
        Assert.Equal(90m, position.AverageCost);
        Assert.Equal(-10m, position.RealizedPnl);
        Assert.Equal(20m, position.UnrealizedPnl(80m));
    }

    [Fact]
    public void Apply_CoverShort_RealizesTheDifference()
    {
        var position = _flat.Apply(OrderSide.Sell, 100m, 2m, null, At).Apply(OrderSide.Buy, 90m, 2m, null, At);

        Assert.True(position.IsFlat);
        Assert.Equal(20m, position.RealizedPnl);
    }

    [Fact]
    public void BalanceChanges_Buy_MovesBaseQuoteAndFee()
    {
        var changes = BalanceChanges.ForFill(BtcUsdt, OrderSide.Buy, 100m, 0.5m, new Fee(0.05m, "USDT"));

        Assert.Equal(0.5m, changes["BTC"]);
        Assert.Equal(-50.05m, changes["USDT"]);
    }

    [Fact]
    public void Valuation_SumsRealizedUnrealizedAndExposure()
    {
        var a = _flat.Apply(OrderSide.Buy, 100m, 1m, null, At);
        var b = new Position("paper-binance", Symbol.Parse("ETH/USDT"), "s2").Apply(OrderSide.Sell, 10m, 2m, null, At);
        var marks = new Dictionary<string, decimal> { ["BTC/USDT"] = 110m };

        Assert.Equal(10m, PortfolioValuation.Unrealized([a, b], marks));
        Assert.Equal(110m + 20m, PortfolioValuation.GrossExposure([a, b], marks));
        Assert.Equal(0m, PortfolioValuation.Realized([a, b]));
    }
}

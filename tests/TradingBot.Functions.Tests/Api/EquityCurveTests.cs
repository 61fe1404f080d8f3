using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Functions.Api;
using TradingBot.Storage.Orders;

namespace TradingBot.Functions.Tests.Api;

public sealed class EquityCurveTests
{
    private static readonly Symbol Btc = Symbol.Parse("BTC/USDT");
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static StoredFill Fill(OrderSide side, decimal price, decimal amount, int minute, decimal fee = 0m) =>
        new("ord", "v", "paper-v", "s", Btc, side, new ExecutionFill($"t{minute}", price, amount, fee, fee == 0m ? null : "USDT", T0.AddMinutes(minute)));

    [Fact]
    public void Build_BuyThenPartialSell_TracksPnlToEquityNowWithDrawdown()
    {
        var fills = new[] { Fill(OrderSide.Buy, 100m, 2m, 0, fee: 1m), Fill(OrderSide.Sell, 90m, 1m, 5), Fill(OrderSide.Sell, 110m, 1m, 9) };

        var curve = EquityCurve.Build("paper-v", "USDT", 1_000m, fills, new Dictionary<Symbol, decimal>(), T0.AddMinutes(10));

        // PnL after each fill: -1 (the fee); -11 realized and 1 BTC marked at 90 (-10) = -21; -1 realized and flat = -1. Now: -1.
        Assert.Equal([1_000m, 980m, 1_000m, 1_000m], curve.Points.Select(p => p.Equity));
        Assert.Equal(0m, curve.Points[0].Drawdown);
        Assert.Equal(-0.02m, curve.Points[1].Drawdown);
        Assert.Equal(-0.02m, curve.MaxDrawdown);
    }

    [Fact]
    public void Build_OpenPosition_LastPointUsesCurrentMarks()
    {
        var fills = new[] { Fill(OrderSide.Buy, 100m, 1m, 0) };

        var curve = EquityCurve.Build("paper-v", "USDT", 1_050m, fills, new Dictionary<Symbol, decimal> { [Btc] = 150m }, T0.AddMinutes(1));

        Assert.Equal([1_000m, 1_050m], curve.Points.Select(p => p.Equity));
    }

    [Fact]
    public void Build_NoFills_IsOnePointAtEquityNow()
    {
        var curve = EquityCurve.Build("paper-v", "USDT", 500m, [], new Dictionary<Symbol, decimal>(), T0);

        var point = Assert.Single(curve.Points);
        Assert.Equal((500m, 0m), (point.Equity, point.Drawdown));
    }
}

using TradingBot.Core.Market;
using TradingBot.Core.Risk;

namespace TradingBot.Core.Tests.Risk;

/// <summary>backtesting.md's intrabar rules for protective exits: stop before target, gaps fill at the open.</summary>
public sealed class ExitLevelsTests
{
    private static readonly DateTimeOffset T = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForEntry_Long_PercentLevelsAroundTheFillPrice()
    {
        var levels = ExitLevels.ForEntry(true, 100m, new ExitPlan(PriceDistance.Fraction(0.02m), PriceDistance.Fraction(0.05m), PriceDistance.Fraction(0.03m)))!;

        Assert.Equal(98m, levels.StopLoss);
        Assert.Equal(105m, levels.TakeProfit);
        Assert.Equal(97m, levels.TrailingStop);
        Assert.Equal((98m, ProtectiveExit.StopLoss), levels.ActiveStop);
    }

    [Fact]
    public void ForEntry_ShortWithAtrDistances_LevelsMirrored()
    {
        var levels = ExitLevels.ForEntry(false, 100m, new ExitPlan(PriceDistance.Absolute(4m), PriceDistance.Absolute(6m), null))!;

        Assert.Equal(104m, levels.StopLoss);
        Assert.Equal(94m, levels.TakeProfit);
        Assert.Null(levels.TrailingStop);
    }

    [Fact]
    public void ForEntry_EmptyPlan_IsNull()
    {
        Assert.Null(ExitLevels.ForEntry(true, 100m, new ExitPlan(null, null, null)));
        Assert.Null(ExitLevels.ForEntry(true, 100m, null));
    }

    public static TheoryData<decimal, decimal, decimal, decimal, ProtectiveExit?, decimal?> LongBars => new()
    {
        // open, high, low, close → exit kind and price; long with SL 98 and TP 105
        { 100m, 104m, 99m, 101m, null, null },
        { 100m, 104m, 98m, 101m, ProtectiveExit.StopLoss, 98m },
        { 100m, 105m, 99m, 104m, ProtectiveExit.TakeProfit, 105m },
        { 100m, 106m, 97m, 104m, ProtectiveExit.StopLoss, 98m },
        { 96m, 97m, 95m, 96m, ProtectiveExit.StopLoss, 96m },
        { 107m, 108m, 106m, 107m, ProtectiveExit.TakeProfit, 107m },
        { 97m, 110m, 96m, 109m, ProtectiveExit.StopLoss, 97m },
    };

    [Theory]
    [MemberData(nameof(LongBars))]
    public void Check_Long_StopBeforeTargetAndGapsAtTheOpen(decimal open, decimal high, decimal low, decimal close, ProtectiveExit? kind, decimal? price)
    {
        var levels = new ExitLevels(true, 98m, 105m, null, null);

        var hit = levels.Check(new Candle(T, open, high, low, close, 1m));

        Assert.Equal(kind, hit?.Kind);
        Assert.Equal(price, hit?.Price);
    }

    [Theory]
    [InlineData(100, 103, 96, ProtectiveExit.StopLoss, 102)]
    [InlineData(100, 101, 95, ProtectiveExit.TakeProfit, 95)]
    [InlineData(104, 105, 103, ProtectiveExit.StopLoss, 104)]
    [InlineData(93, 94, 92, ProtectiveExit.TakeProfit, 93)]
    public void Check_Short_Mirrored(decimal open, decimal high, decimal low, ProtectiveExit kind, decimal price)
    {
        var levels = new ExitLevels(false, 102m, 95m, null, null);

        var hit = levels.Check(new Candle(T, open, high, low, open, 1m));

        Assert.Equal(new ExitHit(kind, price), hit);
    }

    [Fact]
    public void Trail_Long_RaisesFromEachBarsHighAndNeverLowers()
    {
        var levels = ExitLevels.ForEntry(true, 100m, new ExitPlan(PriceDistance.Fraction(0.05m), null, PriceDistance.Fraction(0.03m)))!;

        var afterUp = levels.Trail(new Candle(T, 100m, 110m, 99m, 108m, 1m));
        var afterDown = afterUp.Trail(new Candle(T, 108m, 108m, 101m, 102m, 1m));

        Assert.Equal(106.7m, afterUp.TrailingStop);
        Assert.Equal((106.7m, ProtectiveExit.TrailingStop), afterUp.ActiveStop);
        Assert.Same(afterUp, afterDown);
        Assert.Equal(new ExitHit(ProtectiveExit.TrailingStop, 106.7m), afterDown.Check(new Candle(T, 108m, 108m, 101m, 102m, 1m)));
    }

    [Fact]
    public void Trail_Short_LowersFromEachBarsLow()
    {
        var levels = ExitLevels.ForEntry(false, 100m, new ExitPlan(null, null, PriceDistance.Absolute(2m)))!;

        var trailed = levels.Trail(new Candle(T, 100m, 100.5m, 95m, 96m, 1m));

        Assert.Equal(97m, trailed.TrailingStop);
        Assert.Equal(new ExitHit(ProtectiveExit.TrailingStop, 97m), trailed.Check(new Candle(T, 96m, 98m, 95.5m, 97.5m, 1m)));
    }
}

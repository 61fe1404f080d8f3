using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk;

public sealed class RiskGateTests
{
    [Fact]
    public void EvaluateEntry_LiveDefaults_SizesAQuarterOfEquityTruncatedToTheStep()
    {
        var gate = new RiskGate(RiskOptions.LiveDefaults);

        var decision = gate.EvaluateEntry(Buy(Btc, 30_000m), Flat());

        Assert.True(decision.IsApproved);
        Assert.Equal(0.08333m, decision.Order.Quantity);
        Assert.Equal(OrderSide.Buy, decision.Order.Side);
        Assert.Equal(RiskOrderPurpose.Entry, decision.Order.Purpose);
        Assert.Equal(new ExitPlan(PriceDistance.Fraction(0.10m), null, null), decision.Order.Exits);
        Assert.Equal(new OrderPlaced(Now, Btc, RiskOrderPurpose.Entry), Assert.Single(decision.Events));
        Assert.Null(decision.Code);
        Assert.StartsWith("Buy 0.08333 BTC/USDT (about 2499.9 USDT): 25 % of equity 10000 at 30000", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEntry_SizedAboveTheCaps_IsResizedAndSaysWhy()
    {
        var options = RiskOptions.None with
        {
            MaxTotalExposure = 0.5m,
            Strategy = RiskOptions.None.Strategy with { EquityFraction = 0.8m, MaxPositionFraction = 0.6m },
        };

        var decision = new RiskGate(options).EvaluateEntry(Buy(Btc, 100m), Flat().With(Eth, 1m, 1_000m) with { Equity = 10_000m });

        Assert.True(decision.IsApproved);
        Assert.Equal(40m, decision.Order.Quantity);
        Assert.Collection(decision.Adjustments,
            a => Assert.StartsWith("max-position: quantity cut from 80 to 60", a, StringComparison.Ordinal),
            a => Assert.StartsWith("max-exposure: quantity cut from 60 to 40", a, StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateEntry_RulesRunInOrder_TheFirstRefusalWins()
    {
        var gate = new RiskGate(RiskOptions.LiveDefaults);
        var context = Flat().After(new TradingHalted(Now, RiskReason.KillSwitch, Today, HaltReset.Operator, "stop")) with { LastCandleAt = null };

        var decision = gate.EvaluateEntry(Sell(Btc, 100m), context);

        Assert.False(decision.IsApproved);
        Assert.Equal(RiskReason.KillSwitch, decision.Reason);
        Assert.Equal("kill-switch", decision.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void EvaluateEntry_BelowMinNotionalAfterCaps_IsRefusedNotRoundedUp()
    {
        var gate = new RiskGate(RiskOptions.None with { Strategy = RiskOptions.None.Strategy with { Sizing = SizingMode.FixedQuote, QuoteAmount = 4m } });

        var decision = gate.EvaluateEntry(Buy(Btc, 50_000m, Venue(Btc, minNotional: 5m)), Flat());

        Assert.Equal(RiskReason.BelowMinNotional, decision.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void EvaluateEntry_NonPositivePrice_IsInvalidPrice(decimal price)
    {
        Assert.Equal(RiskReason.InvalidPrice, new RiskGate(RiskOptions.None).EvaluateEntry(Buy(Btc, price), Flat()).Reason);
    }

    [Fact]
    public void EvaluateEntry_AtrExitsWithoutAtr_IsVolatilityUnavailable()
    {
        var gate = new RiskGate(RiskOptions.None with { Strategy = RiskOptions.None.Strategy with { StopLossAtr = 2m } });

        Assert.Equal(RiskReason.VolatilityUnavailable, gate.EvaluateEntry(Buy(Btc, 100m), Flat()).Reason);
        var approved = gate.EvaluateEntry(Buy(Btc, 100m) with { Atr = 1.5m }, Flat());
        Assert.Equal(PriceDistance.Absolute(3m), approved.Order!.Exits!.StopLoss);
    }

    [Fact]
    public void EvaluateEntry_PerStrategyOverride_AppliesToThatStrategyOnly()
    {
        var options = RiskOptions.None with
        {
            Strategies = new Dictionary<string, StrategyRiskOptions> { ["breakout"] = RiskOptions.None.Strategy with { EquityFraction = 0.1m } },
        };
        var gate = new RiskGate(options);

        Assert.Equal(10m, gate.EvaluateEntry(Buy(Btc, 100m, strategy: "breakout"), Flat()).Order!.Quantity);
        Assert.Equal(99.90009m, gate.EvaluateEntry(Buy(Btc, 100m, strategy: "sma-cross"), Flat()).Order!.Quantity);
    }

    [Fact]
    public void EvaluateExit_ClosesTheWholePositionAndCountsTheOrder()
    {
        var gate = new RiskGate(RiskOptions.LiveDefaults);

        var decision = gate.EvaluateExit("sma-cross", Btc, Flat().With(Btc, -0.5m, 40_000m));

        Assert.Equal(new RiskOrder("sma-cross", Btc, OrderSide.Buy, 0.5m, 40_000m, RiskOrderPurpose.Exit), decision.Order);
        Assert.Equal(new OrderPlaced(Now, Btc, RiskOrderPurpose.Exit), Assert.Single(decision.Events));
        Assert.Throws<ArgumentException>(() => gate.EvaluateExit("sma-cross", Eth, Flat()));
    }

    [Fact]
    public void ReviewAccount_AutomaticKillSwitchWithFlatten_HaltsAndExitsEveryPosition()
    {
        var gate = new RiskGate(RiskOptions.None with { KillSwitchLoss = 0.3m, FlattenOnKillSwitch = true });
        var context = Flat().With(Btc, 0.1m, 20_000m) with { Equity = 6_000m };

        var review = gate.ReviewAccount(context);

        Assert.Equal(RiskReason.KillSwitch, Assert.IsType<TradingHalted>(Assert.Single(review.Events)).Reason);
        Assert.Equal(OrderSide.Sell, Assert.Single(review.Orders).Side);
        Assert.Same(RiskReview.Nothing, gate.ReviewAccount(Flat()));
    }

    [Fact]
    public void ReviewPosition_StopReached_ExitsAtTheStopElseTrails()
    {
        var levels = new ExitLevels(true, 95m, null, 97m, PriceDistance.Fraction(0.03m));
        var context = Flat().With(Btc, 1m, 100m).After(new ExitLevelsSet(Now, Btc, levels));

        var (hit, exit) = RiskGate.ReviewPosition("sma-cross", Btc, new Candle(Now, 100m, 101m, 96m, 98m, 1m), context);
        var (none, trail) = RiskGate.ReviewPosition("sma-cross", Btc, new Candle(Now, 100m, 110m, 99m, 108m, 1m), context);

        Assert.Equal(new ExitHit(ProtectiveExit.TrailingStop, 97m), hit);
        Assert.Equal(97m, Assert.Single(exit.Orders).ReferencePrice);
        Assert.Null(none);
        Assert.Equal(106.7m, Assert.IsType<ExitLevelsSet>(Assert.Single(trail.Events)).Levels.TrailingStop);
        Assert.Empty(trail.Orders);
    }

    [Fact]
    public void ReviewPosition_ABarAtOrBeforeTheOneThatLastRaisedTheTrail_ChangesNothing()
    {
        var levels = new ExitLevels(true, 95m, null, 97m, PriceDistance.Fraction(0.03m));
        var context = Flat().With(Btc, 1m, 100m).After(new ExitLevelsSet(Now, Btc, levels));
        var raising = new Candle(Now, 100m, 110m, 99m, 108m, 1m);
        var (_, trail) = RiskGate.ReviewPosition("sma-cross", Btc, raising, context);
        var raised = Assert.IsType<ExitLevelsSet>(Assert.Single(trail.Events));
        var after = context with { State = context.State.Apply(trail.Events) };

        var repeated = RiskGate.ReviewPosition("sma-cross", Btc, raising, after); // its low 99 is under the raised stop 106.7
        var older = RiskGate.ReviewPosition("sma-cross", Btc, new Candle(Now.AddMinutes(-1), 100m, 100m, 90m, 95m, 1m), after);
        var next = RiskGate.ReviewPosition("sma-cross", Btc, new Candle(Now.AddMinutes(1), 108m, 108m, 106m, 107m, 1m), after);

        Assert.Equal(Now, raised.Levels.TrailedThrough);
        Assert.Null(repeated.Hit);
        Assert.Same(RiskReview.Nothing, repeated.Review);
        Assert.Null(older.Hit);
        Assert.Same(RiskReview.Nothing, older.Review);
        Assert.Equal(new ExitHit(ProtectiveExit.TrailingStop, 106.7m), next.Hit);
    }

    [Fact]
    public void OnEntryFilled_LevelsFromTheFillPrice()
    {
        var order = new RiskOrder("sma-cross", Btc, OrderSide.Buy, 1m, 100m, RiskOrderPurpose.Entry) { Exits = new ExitPlan(PriceDistance.Fraction(0.1m), null, null) };

        var set = Assert.IsType<ExitLevelsSet>(Assert.Single(RiskGate.OnEntryFilled(order, 102m, Now)));

        Assert.Equal(91.8m, set.Levels.StopLoss);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RiskGate(RiskOptions.LiveDefaults with { DailyLossLimit = 1.5m }));

        Assert.Contains("Risk:DailyLossLimit", ex.Message, StringComparison.Ordinal);
    }
}

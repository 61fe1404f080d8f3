using CsCheck;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Testing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk;

/// <summary>Invariants of the gate over random inputs (CsCheck, fixed seed: the same cases every run).</summary>
public sealed class RiskGatePropertyTests
{
    private const string Seed = "0GmjkMv98Pr1";
    private static readonly Symbol[] Symbols = [Btc, Eth, Sol, new("ADA", "USDT"), new("XRP", "USDT")];

    private static readonly Gen<(int Symbol, bool Long)> OrderGen = Gen.Select(Gen.Int[0, Symbols.Length - 1], Gen.Bool);

    private static readonly Gen<RiskOptions> LimitsGen =
        Gen.Select(Gen.Decimal[0.05m, 1m], Gen.Decimal[0.05m, 1m], Gen.Decimal[0.01m, 1m], Gen.Int[1, 5], (exposure, position, sizing, open) => RiskOptions.None with
        {
            MaxTotalExposure = exposure,
            MaxOpenPositions = open,
            Strategy = RiskOptions.None.Strategy with { EquityFraction = sizing, MaxPositionFraction = position },
        });

    [Fact]
    public void EvaluateEntry_RandomOrderStreams_NeverExceedTheConfiguredExposure()
    {
        Gen.Select(LimitsGen, OrderGen.Array[1, 40], Gen.Decimal[1m, 100_000m].Array[Symbols.Length])
            .Sample((options, orders, prices) =>
            {
                var gate = new RiskGate(options);
                var context = Flat(10_000m);
                foreach (var (index, isLong) in orders)
                {
                    var symbol = Symbols[index];
                    var price = Math.Round(prices[index], 2);
                    if (context.Positions.TryGetValue(symbol, out var held) && held.IsLong != isLong)
                    {
                        var exit = gate.EvaluateExit("sma-cross", symbol, context);
                        context = Fill(context.After([.. exit.Events]), exit.Order!, price);
                    }

                    var request = new EntryRequest("sma-cross", symbol, isLong ? OrderSide.Buy : OrderSide.Sell, price, Venue(symbol, amountStep: 0.0001m));
                    var decision = gate.EvaluateEntry(request, context);
                    if (!decision.IsApproved)
                    {
                        continue;
                    }

                    var equity = context.Equity;
                    context = Fill(context.After([.. decision.Events]), decision.Order, price);
                    var exposure = context.Positions.Values.Sum(p => p.Value);
                    Assert.True(exposure <= options.MaxTotalExposure * equity, $"exposure {exposure} above {options.MaxTotalExposure} of {equity}");
                    Assert.True(!context.Positions.TryGetValue(symbol, out var traded) || traded.Value <= options.Strategy.MaxPositionFraction * equity);
                    Assert.True(context.Positions.Count <= options.MaxOpenPositions);
                    Assert.True(context.AvailableCash >= 0m, $"cash {context.AvailableCash}");
                }
            }, seed: Seed, iter: 300, threads: 1);
    }

    [Fact]
    public void EvaluateEntry_HaltedAccount_NeverApprovesAnEntry()
    {
        var haltGen = Gen.Select(Gen.OneOf(RiskReason.DailyLossLimit, RiskReason.MaxDrawdown, RiskReason.KillSwitch), Gen.Enum<HaltReset>(), Gen.Int[0, 3]);
        Gen.Select(haltGen, OrderGen, Gen.Decimal[1_000m, 50_000m], Gen.Bool)
            .Sample((halt, order, equity, live) =>
            {
                var (reason, reset, hoursLater) = halt;
                if (reason == RiskReason.KillSwitch)
                {
                    reset = HaltReset.Operator;
                }

                var options = live ? RiskOptions.LiveDefaults with { AllowShort = true } : RiskOptions.None;
                var context = (Flat(equity) with { Now = Now.AddHours(hoursLater) })
                    .After(new TradingHalted(Now, reason, Today, reset, "halted"));
                var symbol = Symbols[order.Symbol];
                var request = new EntryRequest("sma-cross", symbol, order.Long ? OrderSide.Buy : OrderSide.Sell, 100m, Venue(symbol));

                var decision = new RiskGate(options).EvaluateEntry(request, context);

                Assert.False(decision.IsApproved);
                Assert.Equal(reason, decision.Reason);
            }, seed: Seed, iter: 300, threads: 1);
    }

    [Fact]
    public void ReviewAccount_RandomLossesThroughADay_NoEntryAfterTheDailyHalt()
    {
        Gen.Decimal[-400m, 300m].Array[2, 30].Sample(moves =>
        {
            var gate = new RiskGate(RiskOptions.None with { DailyLossLimit = 0.05m });
            var context = Flat(10_000m);
            var halted = false;
            foreach (var move in moves)
            {
                context = context with { Now = context.Now.AddMinutes(5), UnrealizedPnLToday = context.UnrealizedPnLToday + move, Equity = context.Equity + move };
                var review = gate.ReviewAccount(context);
                context = context.After([.. review.Events]);
                halted |= review.Events.OfType<TradingHalted>().Any();
                var decision = gate.EvaluateEntry(Buy(Btc, 100m), context);
                Assert.Equal(halted, !decision.IsApproved);
                Assert.Equal(halted, context.State.IsHalted(RiskReason.DailyLossLimit));
            }
        }, seed: Seed, iter: 300, threads: 1);
    }

    /// <summary>Books an approved order (an entry pays, an exit frees its value) as filled at <paramref name="price"/> with the 0.1 % taker fee: what the portfolio would report next.</summary>
    private static RiskContext Fill(RiskContext context, RiskOrder order, decimal price)
    {
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        var held = context.Positions.TryGetValue(order.Symbol, out var p) ? p.Quantity : 0m;
        var positions = new Dictionary<Symbol, RiskPosition>(context.Positions) { [order.Symbol] = new RiskPosition(order.Symbol, held + signed, price, price) };
        if (held + signed == 0m)
        {
            positions.Remove(order.Symbol);
        }

        var fee = order.Quantity * price * 0.001m;
        var paid = order.Purpose == RiskOrderPurpose.Entry ? order.Quantity * price : -(order.Quantity * price);
        return context with
        {
            Positions = positions,
            AvailableCash = context.AvailableCash - paid - fee,
            Equity = context.Equity - fee,
        };
    }
}

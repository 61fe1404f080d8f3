using CsCheck;
using TradingBot.Backtesting.Engine;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>
/// Live evaluates protective exits candle by candle with <see cref="ExitLevels"/>; the backtester places stop and
/// limit orders in its simulated broker. On random candles both must close the position on the same bar, at the
/// same price, for the same reason.
/// </summary>
public sealed class ExitParityTests
{
    private const string Seed = "0GmjkMv98Pr1";

    private static readonly Gen<decimal?> Distance = Gen.Frequency((1, Gen.Const((decimal?)null)), (2, Gen.Int[1, 15].Select(p => (decimal?)(p / 100m))));

    private static readonly Gen<(decimal Open, decimal High, decimal Low, decimal Close)> Move =
        Gen.Select(Gen.Int[-6, 6], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[-5, 5], (gap, up, down, close) => ((decimal)gap, (decimal)up, (decimal)down, (decimal)close));

    [Fact]
    public void Run_RandomCandles_BrokerExitsExactlyWhereTheLiveExitLevelsDo()
    {
        Gen.Select(Gen.Bool, Distance, Distance, Distance, Move.Array[1, 25])
            .Sample((isLong, stopLoss, takeProfit, trailing, moves) =>
            {
                if (stopLoss is null && takeProfit is null && trailing is null)
                {
                    return;
                }

                var candles = Build(moves);
                var risk = RiskOptions.None with
                {
                    Strategy = RiskOptions.None.Strategy with { StopLossPercent = stopLoss, TakeProfitPercent = takeProfit, TrailingStopPercent = trailing },
                };

                var result = Backtest.Run(candles, ScriptedStrategy.At((1, isLong ? TargetPosition.Long : TargetPosition.Short)), new BacktestOptions { Risk = risk });

                var trade = Assert.Single(result.Trades);
                var expected = Expect(candles, isLong, new ExitPlan(Fraction(stopLoss), Fraction(takeProfit), Fraction(trailing)));
                Assert.Equal(expected, (trade.ExitBar, trade.ExitPrice, trade.ExitReason));
            }, seed: Seed, iter: 500, threads: 1);
    }

    /// <summary>Two bars at 100, then a random path whose first bar opens at 100 (the entry price).</summary>
    private static Candle[] Build((decimal Open, decimal High, decimal Low, decimal Close)[] moves)
    {
        var bars = new List<(decimal, decimal, decimal, decimal)> { (100m, 100m, 100m, 100m), (100m, 100m, 100m, 100m) };
        var previous = 100m;
        for (var i = 0; i < moves.Length; i++)
        {
            var (gap, up, down, change) = moves[i];
            var open = i == 0 ? 100m : Math.Max(1m, previous + gap);
            var close = Math.Max(1m, open + change);
            bars.Add((open, Math.Max(open, close) + up, Math.Max(0.5m, Math.Min(open, close) - down), close));
            previous = close;
        }

        return Candles.FromOhlc([.. bars]);
    }

    private static (int Bar, decimal Price, ExitReason Reason) Expect(Candle[] candles, bool isLong, ExitPlan plan)
    {
        var levels = ExitLevels.ForEntry(isLong, candles[2].Open, plan)!;
        for (var bar = 2; bar < candles.Length; bar++)
        {
            if (levels.Check(candles[bar]) is { } hit)
            {
                return (bar, hit.Price, hit.Kind switch
                {
                    ProtectiveExit.StopLoss => ExitReason.StopLoss,
                    ProtectiveExit.TakeProfit => ExitReason.TakeProfit,
                    _ => ExitReason.TrailingStop,
                });
            }

            levels = levels.Trail(candles[bar]);
        }

        return (candles.Length - 1, candles[^1].Open, ExitReason.End);
    }

    private static PriceDistance? Fraction(decimal? value) => value is { } v ? PriceDistance.Fraction(v) : null;
}

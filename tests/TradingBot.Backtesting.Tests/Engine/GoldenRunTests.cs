using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Engine;

/// <summary>
/// SmaCross(10, 30) on GOOG.csv with 10,000 cash, no costs, next-open fills and finalised trades: the run whose
/// statistics the reference engine's own test pins. Every value here follows docs/backtesting.md and agrees with
/// the reference to better than 1e-6 relative.
/// </summary>
public sealed class GoldenRunTests
{
    private static readonly Lazy<BacktestResult> GoogSmaCross = new(() =>
        Backtest.Run(CsvCandleReader.ReadFile(RepositoryPaths.SharedFile("GOOG.csv")), new SmaCrossStrategy(10, 30)));

    [Fact]
    public void Run_GoogSmaCross10x30_MatchesReferenceStatistics()
    {
        var s = GoogSmaCross.Value.Statistics;

        Assert.Equal(new DateTimeOffset(2004, 8, 19, 0, 0, 0, TimeSpan.Zero), s.Start);
        Assert.Equal(new DateTimeOffset(2013, 3, 1, 0, 0, 0, TimeSpan.Zero), s.End);
        Assert.Equal(3116, s.DurationDays);
        Assert.Equal(51422.99m, s.EquityFinal);
        Assert.Equal(75787.44m, s.EquityPeak);
        Assert.Equal(66, s.Trades);
        AssertClose(414.2299, s.ReturnPct);
        AssertClose(522.0601851851852, s.BuyHoldReturnPct);
        AssertClose(21.180255813792282, s.ReturnAnnPct);
        AssertClose(36.49390889140787, s.VolatilityAnnPct);
        AssertClose(0.5803778344714113, s.Sharpe);
        AssertClose(1.0847880675854096, s.Sortino);
        AssertClose(0.4414380935608377, s.Calmar);
        AssertClose(-47.98012705007589, s.MaxDrawdownPct);
        AssertClose(-5.925851581948801, s.AvgDrawdownPct);
        Assert.Equal(584, s.MaxDrawdownDurationDays);
        Assert.Equal(41, s.AvgDrawdownDurationDays);
        AssertClose(46.96969696969697, s.WinRatePct);
        AssertClose(53.59595229490424, s.BestTradePct);
        AssertClose(-18.39887353835481, s.WorstTradePct);
        AssertClose(2.531715975158555, s.AvgTradePct);
        Assert.Equal(183, s.MaxTradeDurationDays);
        Assert.Equal(46, s.AvgTradeDurationDays);
        AssertClose(2.167945974262033, s.ProfitFactor);
        AssertClose(3.2748078066748834, s.ExpectancyPct);
        AssertClose(1.0766187356697705, s.Sqn);
        AssertClose(0.1518705127029717, s.KellyCriterion);
        Assert.Equal(252, s.AnnualizationFactor);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * 1e-6, $"expected {expected}, got {actual}");
}

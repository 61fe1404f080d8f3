using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Tests.Statistics;

/// <summary>
/// Every statistic on small cases computed by hand (expected values computed independently from the formulas in
/// docs/backtesting.md, not by this code).
/// </summary>
public sealed class StatisticsCalculatorTests
{
    // Monday 2024-01-01 .. Thursday 2024-01-04: weekday daily bars, so N = 252.
    private static readonly DateTimeOffset[] Days = [.. Enumerable.Range(0, 4).Select(d => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(d))];
    private static readonly double[] Equity = [100, 110, 99, 121];
    private static readonly double[] Closes = [10, 11, 9.9, 12.1];

    private static BacktestStatistics CaseA(IReadOnlyList<BacktestTrade>? trades = null) =>
        StatisticsCalculator.Compute(Days, Equity, Closes, trades ?? [], warmupBars: 0, equityFinal: 121m);

    [Fact]
    public void Compute_EquityCurve_ReturnsAndBuyAndHold()
    {
        var s = CaseA();

        AssertClose(21, s.ReturnPct);
        AssertClose(21, s.BuyHoldReturnPct);
        Assert.Equal(121m, s.EquityFinal);
        Assert.Equal(121m, s.EquityPeak);
        Assert.Equal(3, s.DurationDays);
    }

    [Fact]
    public void Compute_DailyWeekdayData_AnnualisesWith252AndCompoundedVolatility()
    {
        var s = CaseA();

        Assert.Equal(252, s.AnnualizationFactor);
        AssertClose(16423877.066398714, s.ReturnAnnPct);
        AssertClose(327859187.814611, s.VolatilityAnnPct);
        AssertClose(0.05009430169053443, s.Sharpe);
        AssertClose(179199.1901462414, s.Sortino);
        AssertClose(1642387.7066398715, s.Calmar);
        AssertClose(1199827567032.402, s.CagrPct);
    }

    [Fact]
    public void Compute_Drawdowns_FromEquityHighsWithEpisodesBetweenThem()
    {
        var s = CaseA();

        AssertClose(-10, s.MaxDrawdownPct);
        AssertClose(-10, s.AvgDrawdownPct);
        Assert.Equal(2, s.MaxDrawdownDurationDays);
        Assert.Equal(2, s.AvgDrawdownDurationDays);
    }

    [Fact]
    public void Compute_EquityMovingExactlyWithTheMarket_HasBetaOneAndNoAlpha()
    {
        var s = CaseA();

        AssertClose(1, s.Beta);
        Assert.True(Math.Abs(s.AlphaPct) < 1e-9, $"alpha {s.AlphaPct}");
    }

    [Fact]
    public void Compute_Trades_WinRateProfitFactorExpectancySqnKelly()
    {
        BacktestTrade[] trades = [Trade(110m), Trade(95m), Trade(103m), Trade(100m)];

        var s = CaseA(trades);

        Assert.Equal(4, s.Trades);
        AssertClose(50, s.WinRatePct);
        AssertClose(10, s.BestTradePct);
        AssertClose(-5, s.WorstTradePct);
        AssertClose(1.856413210563379, s.AvgTradePct);
        AssertClose(2.6, s.ProfitFactor);
        AssertClose(2, s.ExpectancyPct);
        AssertClose(0.6377928041432807, s.Sqn);
        AssertClose(0.11538461538461542, s.KellyCriterion);
        AssertClose(50, s.ExposureTimePct);
        Assert.Equal(1, s.MaxTradeDurationDays);
        Assert.Equal(1, s.AvgTradeDurationDays);
    }

    [Fact]
    public void Compute_NoTrades_TradeStatisticsAreNaN()
    {
        var s = CaseA();

        Assert.Equal(0, s.Trades);
        Assert.True(double.IsNaN(s.WinRatePct));
        Assert.True(double.IsNaN(s.Sqn));
        Assert.True(double.IsNaN(s.ProfitFactor));
        Assert.True(double.IsNaN(s.KellyCriterion));
        Assert.Equal(0, s.ExposureTimePct);
    }

    [Fact]
    public void Compute_OnlyWinningTrades_ProfitFactorAndKellyAreNaN()
    {
        var s = CaseA([Trade(110m), Trade(105m)]);

        Assert.True(double.IsNaN(s.ProfitFactor));
        Assert.True(double.IsNaN(s.KellyCriterion));
        AssertClose(100, s.WinRatePct);
    }

    [Fact]
    public void Compute_FlatEquity_HasNoDrawdownEpisodes()
    {
        double[] flat = [100, 100, 100, 100];

        var s = StatisticsCalculator.Compute(Days, flat, Closes, [], 0, 100m);

        Assert.Equal(0, s.MaxDrawdownPct);
        Assert.True(double.IsNaN(s.AvgDrawdownPct));
        Assert.True(double.IsNaN(s.MaxDrawdownDurationDays));
        Assert.True(double.IsNaN(s.Calmar));
        Assert.True(double.IsNaN(s.Sharpe));
    }

    [Fact]
    public void Compute_WarmupBars_BuyAndHoldStartsAtTheFirstReadyBar()
    {
        var s = StatisticsCalculator.Compute(Days, Equity, Closes, [], warmupBars: 1, equityFinal: 121m);

        AssertClose(10, s.BuyHoldReturnPct);
    }

    [Fact]
    public void Compute_WeekendBarsAboveTheThreshold_AnnualiseWith365()
    {
        var times = Enumerable.Range(0, 14).Select(d => Days[0].AddDays(d)).ToArray();
        var equity = Enumerable.Range(0, 14).Select(i => 100.0 + i).ToArray();

        var s = StatisticsCalculator.Compute(times, equity, equity, [], 0, 113m);

        Assert.Equal(365, s.AnnualizationFactor);
    }

    [Theory]
    [InlineData(7, 52)]
    [InlineData(31, 12)]
    [InlineData(365, 1)]
    public void Compute_WeeklyMonthlyYearlySpacing_UsesThatFactor(int days, int expected)
    {
        var times = Enumerable.Range(0, 6).Select(i => Days[0].AddDays(days * i)).ToArray();
        var equity = Enumerable.Range(0, 6).Select(i => 100.0 * (1 + (0.01 * i))).ToArray();

        var s = StatisticsCalculator.Compute(times, equity, equity, [], 0, 105m);

        Assert.Equal(expected, s.AnnualizationFactor);
    }

    [Fact]
    public void PeriodReturns_IntradayBars_CompoundToDailyReturnsUsingEachDaysLastValue()
    {
        var start = Days[0];
        DateTimeOffset[] times = [start.AddHours(1), start.AddHours(23), start.AddDays(1).AddHours(1), start.AddDays(1).AddHours(12), start.AddDays(2)];
        double[] equity = [100, 102, 99, 105, 84];

        var returns = StatisticsCalculator.PeriodReturns(times, equity, periodDays: 0);

        Assert.Equal(2, returns.Count);
        AssertClose((105.0 / 102) - 1, returns[0]);
        AssertClose((84.0 / 105) - 1, returns[1]);
    }

    [Fact]
    public void PeriodReturns_WeeklyData_GroupsMondayToSunday()
    {
        var monday = Days[0];
        DateTimeOffset[] times = [monday, monday.AddDays(6), monday.AddDays(7), monday.AddDays(13)];
        double[] equity = [100, 110, 120, 132];

        var returns = StatisticsCalculator.PeriodReturns(times, equity, periodDays: 7);

        AssertClose(0.2, Assert.Single(returns));
    }

    [Fact]
    public void GeometricMean_AnyLossOfEverything_IsZero()
    {
        Assert.Equal(0, StatisticsCalculator.GeometricMean([0.1, -1.0, 0.2]));
        AssertClose(Math.Sqrt(1.1 * 1.21) - 1, StatisticsCalculator.GeometricMean([0.1, 0.21]));
    }

    [Theory]
    [InlineData(86_400, 86_400)]
    [InlineData(3_600, 3_600)]
    [InlineData(60, 60)]
    [InlineData(90_000, 3_600)]
    [InlineData(1, 1)]
    public void Resolution_IsTheSmallestNonZeroUnitOfThePeriod(int periodSeconds, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), StatisticsCalculator.Resolution(TimeSpan.FromSeconds(periodSeconds)));
    }

    [Fact]
    public void Ceil_RoundsDurationsUpToTheResolution()
    {
        Assert.Equal(TimeSpan.FromHours(3), StatisticsCalculator.Ceil(TimeSpan.FromMinutes(150), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromDays(2), StatisticsCalculator.Ceil(TimeSpan.FromDays(2), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void DataPeriod_IsTheMedianSpacingOfTheLast100Bars()
    {
        var times = Enumerable.Range(0, 150).Select(i => Days[0].AddMinutes(i < 100 ? i * 5 : 495 + ((i - 99) * 1))).ToArray();

        Assert.Equal(TimeSpan.FromMinutes(1), StatisticsCalculator.DataPeriod(times));
    }

    [Fact]
    public void Compute_CollapsingEquity_ReportsVolatilityAndSharpeAsNaNWithANote()
    {
        var times = Enumerable.Range(0, 10).Select(d => Days[0].AddDays(d)).ToArray();
        var equity = Enumerable.Range(0, 10).Select(i => 1000.0 * Math.Pow(0.5, i)).ToArray();

        var s = StatisticsCalculator.Compute(times, equity, equity, [], 0, 1.953125m);

        Assert.Equal(365, s.AnnualizationFactor);
        Assert.True(double.IsNaN(s.VolatilityAnnPct));
        Assert.True(double.IsNaN(s.Sharpe));
        Assert.NotNull(s.VolatilityNote);
        Assert.False(double.IsNaN(s.Sortino));
    }

    private static BacktestTrade Trade(decimal exit, int entryBar = 0) =>
        new(10m, entryBar, entryBar + 1, Days[entryBar], Days[entryBar + 1], 100m, exit, 0m, null, null, null, ExitReason.Signal);

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(Math.Abs(expected) * 1e-9, 1e-12), $"expected {expected}, got {actual}");
}

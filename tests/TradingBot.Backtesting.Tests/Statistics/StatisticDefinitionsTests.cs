using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Tests.Statistics;

/// <summary>How durations read in the statistics table and the report.</summary>
public sealed class StatisticDefinitionsTests
{
    [Theory]
    [InlineData(3.0, "3 days")]
    [InlineData(0.0, "0 days")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.25, "0 days 06:00:00")]
    public void Days_WholeAndPartDays_ReadAsDaysAndClockTime(double days, string expected) =>
        Assert.Equal(expected, StatisticDefinitions.Days(days));

    [Fact]
    public void Days_WholeMinutesThroughADouble_AreNotShownASecondShort()
    {
        // 520 days 17:08 as the statistics carry it (TimeSpan.TotalDays): not exactly representable in binary.
        var days = new TimeSpan(520, 17, 8, 0).TotalDays;

        Assert.Equal("520 days 17:08:00", StatisticDefinitions.Days(days));
        Assert.Equal("0 days 03:39:00", StatisticDefinitions.Days(new TimeSpan(3, 39, 0).TotalDays));
    }
}

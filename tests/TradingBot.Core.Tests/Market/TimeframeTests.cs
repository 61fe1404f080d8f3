using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Market;

public sealed class TimeframeTests
{
    public static TheoryData<string, TimeSpan> Durations => new()
    {
        { "1s", TimeSpan.FromSeconds(1) },
        { "1m", TimeSpan.FromMinutes(1) },
        { "15m", TimeSpan.FromMinutes(15) },
        { "1h", TimeSpan.FromHours(1) },
        { "4h", TimeSpan.FromHours(4) },
        { "1d", TimeSpan.FromDays(1) },
        { "3d", TimeSpan.FromDays(3) },
        { "1w", TimeSpan.FromDays(7) },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Parse_CcxtNotation_ReturnsDuration(string text, TimeSpan expected)
    {
        var timeframe = Timeframe.Parse(text);

        Assert.Equal(expected, timeframe.Duration);
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void ToString_ParsedTimeframe_RoundTrips(string text, TimeSpan duration)
    {
        var timeframe = new Timeframe(duration);

        var formatted = timeframe.ToString();

        Assert.Equal(text, formatted);
    }

    [Theory]
    [InlineData(60, "1m")]
    [InlineData(90, "90s")]
    [InlineData(3_600, "1h")]
    [InlineData(5_400, "90m")]
    [InlineData(86_400, "1d")]
    [InlineData(172_800, "2d")]
    [InlineData(1_209_600, "2w")]
    public void ToString_Duration_UsesLargestWholeUnit(int seconds, string expected)
    {
        var timeframe = new Timeframe(TimeSpan.FromSeconds(seconds));

        var text = timeframe.ToString();

        Assert.Equal(expected, text);
    }

    [Fact]
    public void StaticInstances_Always_MatchTheirNames()
    {
        var named = new[] { Timeframe.OneMinute, Timeframe.OneHour, Timeframe.OneDay };

        var texts = named.Select(t => t.ToString()).ToArray();

        Assert.Equal(["1m", "1h", "1d"], texts);
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("1M")]
    [InlineData("1H")]
    [InlineData("5y")]
    public void Parse_UnknownUnit_ThrowsFormatExceptionNamingTheUnit(string text)
    {
        Action act = () => Timeframe.Parse(text);

        var error = Assert.Throws<FormatException>(act);
        Assert.Contains($"unknown unit '{text[^1]}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData(" 1m")]
    [InlineData("1 m")]
    [InlineData("abc")]
    [InlineData("99999999999m")]
    [InlineData("100000000d")]
    [InlineData("2147483647w")]
    [InlineData("2147483647h")]
    public void Parse_MalformedCount_ThrowsFormatException(string text)
    {
        Action act = () => Timeframe.Parse(text);

        var error = Assert.Throws<FormatException>(act);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Blank_ThrowsArgumentException(string text)
    {
        Action act = () => Timeframe.Parse(text);

        Assert.ThrowsAny<ArgumentException>(act);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Constructor_NotPositive_Throws(int seconds)
    {
        Action act = () => _ = new Timeframe(TimeSpan.FromSeconds(seconds));

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Constructor_FractionOfASecond_Throws()
    {
        Action act = () => _ = new Timeframe(TimeSpan.FromMilliseconds(1_500));

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Theory]
    [InlineData("1m", "2024-03-14T09:31:59.999Z", "2024-03-14T09:31:00Z")]
    [InlineData("1m", "2024-03-14T09:31:00Z", "2024-03-14T09:31:00Z")]
    [InlineData("15m", "2024-03-14T09:44:59Z", "2024-03-14T09:30:00Z")]
    [InlineData("1h", "2024-03-14T09:59:59Z", "2024-03-14T09:00:00Z")]
    [InlineData("4h", "2024-03-14T11:59:00Z", "2024-03-14T08:00:00Z")]
    [InlineData("1d", "2024-03-14T23:59:59Z", "2024-03-14T00:00:00Z")]
    [InlineData("1d", "2024-03-15T01:30:00+02:00", "2024-03-14T00:00:00Z")]
    [InlineData("1m", "1969-12-31T23:59:30Z", "1969-12-31T23:59:00Z")]
    public void Floor_TimeInsideInterval_ReturnsIntervalStartInUtc(string timeframe, string time, string expected)
    {
        var frame = Timeframe.Parse(timeframe);

        var floored = frame.Floor(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), floored);
        Assert.Equal(TimeSpan.Zero, floored.Offset);
    }

    [Theory]
    [InlineData("2024-03-11T00:00:00Z", "2024-03-11T00:00:00Z")]
    [InlineData("2024-03-14T12:00:00Z", "2024-03-11T00:00:00Z")]
    [InlineData("2024-03-17T23:59:59Z", "2024-03-11T00:00:00Z")]
    [InlineData("2024-03-18T00:00:00Z", "2024-03-18T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z", "1969-12-29T00:00:00Z")]
    public void Floor_Week_StartsOnMondayLikeExchangeWeeklyCandles(string time, string expected)
    {
        var week = Timeframe.Parse("1w");

        var floored = week.Floor(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), floored);
        Assert.Equal(DayOfWeek.Monday, floored.DayOfWeek);
    }
}

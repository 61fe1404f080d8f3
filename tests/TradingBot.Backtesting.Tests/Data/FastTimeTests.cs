using System.Globalization;
using TradingBot.Backtesting.Data;

namespace TradingBot.Backtesting.Tests.Data;

public sealed class FastTimeTests
{
    [Fact]
    public void TryParseIso_RandomInstantsAndOffsets_EqualFrameworkParse()
    {
        var random = new Random(99);
        var texts = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var ticks = random.NextInt64(new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var format = random.Next(4) switch
            {
                0 => "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
                1 => "yyyy-MM-dd HH:mm:sszzz",
                2 => "yyyy-MM-dd'T'HH:mm:ss.fff",
                _ => "yyyy-MM-dd'T'HH:mm",
            };
            return new DateTimeOffset(new DateTime(ticks), offset).ToString(format, CultureInfo.InvariantCulture);
        }).ToArray();

        foreach (var text in texts)
        {
            var parsed = FastTime.TryParseIso(text, out var value);

            var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.True(parsed, text);
            Assert.Equal(expected, value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }
    }

    [Theory]
    [InlineData("2024-02-29", "2024-02-29T00:00:00Z")]
    [InlineData("2024-03-14T09:30Z", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T09:30:00.9999999Z", "2024-03-14T09:30:00.9999999Z")]
    [InlineData("2024-03-14T09:30:00.99999999Z", "2024-03-14T09:30:00.9999999Z")]
    [InlineData("2024-03-14T00:30:00+14:00", "2024-03-13T10:30:00Z")]
    [InlineData("2024-03-14T00:30:00-00:00", "2024-03-14T00:30:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z")]
    public void TryParseIso_EdgeForms_ReturnsUtcInstant(string text, string expected)
    {
        var parsed = FastTime.TryParseIso(text, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2024-3-14")]
    [InlineData("2024/03/14")]
    [InlineData("20240314")]
    [InlineData("2023-02-29")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-03-14T9:30")]
    [InlineData("2024-03-14T24:00")]
    [InlineData("2024-03-14T09:60")]
    [InlineData("2024-03-14T09:30:61")]
    [InlineData("2024-03-14T09:30:")]
    [InlineData("2024-03-14T09:30:00.")]
    [InlineData("2024-03-14T09:30:00ZZ")]
    [InlineData("2024-03-14T09:30:00Zx")]
    [InlineData("2024-03-14T09:30:00+02")]
    [InlineData("2024-03-14T09:30:00+0200")]
    [InlineData("2024-03-14T09:30:00+14:01")]
    [InlineData("2024-03-14T09:30:00+02:60")]
    [InlineData("2024-03-14X")]
    [InlineData("2024-03-14T")]
    [InlineData("0001-01-01T00:00:00+00:01")]
    [InlineData("9999-12-31T23:59:59-00:01")]
    public void TryParseIso_NotTheFastShape_Declines(string text)
    {
        var parsed = FastTime.TryParseIso(text, out _);

        Assert.False(parsed);
    }
}

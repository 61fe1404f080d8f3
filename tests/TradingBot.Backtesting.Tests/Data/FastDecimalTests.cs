using System.Globalization;
using TradingBot.Backtesting.Data;

namespace TradingBot.Backtesting.Tests.Data;

public sealed class FastDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("100")]
    [InlineData("100.000000")]
    [InlineData("104.06")]
    [InlineData("0.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("007.250")]
    [InlineData("0.000000000000000001")]
    [InlineData("71000.01000000")]
    [InlineData("2147483648")]
    [InlineData("4294967295.5")]
    [InlineData("999999999999999999")]
    [InlineData("99999999.9999999999")]
    [InlineData("-1.5")]
    [InlineData("+1.5")]
    [InlineData("-0.00")]
    public void TryParse_PlainLiteral_EqualsFrameworkParseIncludingScale(string text)
    {
        var parsed = FastDecimal.TryParse(text, out var value);

        var expected = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(parsed);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Scale, value.Scale);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_RandomLiteralsUpTo18Digits_EqualFrameworkParse()
    {
        var random = new Random(1234);
        var texts = Enumerable.Range(0, 50_000).Select(_ =>
        {
            var digits = random.Next(1, 19);
            var mantissa = string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(0, digits + 1);
            var sign = random.Next(3) switch { 0 => "-", 1 => "+", _ => string.Empty };
            return point == digits ? sign + mantissa : $"{sign}{mantissa[..point]}.{mantissa[point..]}";
        }).ToArray();

        foreach (var text in texts)
        {
            var parsed = FastDecimal.TryParse(text, out var value);

            var expected = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(parsed, text);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("1234567890123456789")]
    [InlineData("0.1234567890123456789")]
    [InlineData("1.000000000000000000")]
    public void TryParse_MoreThan18SignificantDigits_DeclinesForTheFrameworkParser(string text)
    {
        var parsed = FastDecimal.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void TryParse_LeadingZeros_DoNotCountTowardTheDigitLimit()
    {
        var parsed = FastDecimal.TryParse("000000000000000000000123456789012345678", out var value);

        Assert.True(parsed);
        Assert.Equal(123456789012345678m, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData("1E-3")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1 2")]
    [InlineData("1,5")]
    [InlineData("1-2")]
    [InlineData("1/2")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("١٢")]
    public void TryParse_AnythingElse_DeclinesWithoutThrowing(string text)
    {
        var parsed = FastDecimal.TryParse(text, out var value);

        Assert.False(parsed);
        Assert.Equal(0m, value);
    }
}

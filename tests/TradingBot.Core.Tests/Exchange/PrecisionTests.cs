using TradingBot.Core.Exchange;

namespace TradingBot.Core.Tests.Exchange;

/// <summary>CCXT TICK_SIZE semantics (exchanges.md §4.9): TRUNCATE toward zero, ROUND half away from zero, plain wire strings.</summary>
public sealed class PrecisionTests
{
    [Theory]
    [InlineData("165", "110", "110")]
    [InlineData("-165", "110", "-110")]
    [InlineData("0.000123456789", "0.00000012", "0.00012336")]
    [InlineData("0.00078569", "0.00001", "0.00078")]
    [InlineData("1.99999999", "0.01", "1.99")]
    [InlineData("5", "0.001", "5")]
    [InlineData("0.0000099", "0.00001", "0")]
    public void Truncate_TickSizeVectors(string x, string step, string expected)
    {
        Assert.Equal(expected, Precision.ToWire(Precision.Truncate(D(x), D(step))));
    }

    [Theory]
    [InlineData("165", "110", "220")]
    [InlineData("-165", "110", "-220")]
    [InlineData("0.000123456789", "0.00000012", "0.00012348")]
    [InlineData("55.3242", "0.01", "55.32")]
    [InlineData("0.125", "0.01", "0.13")]
    [InlineData("-0.125", "0.01", "-0.13")]
    [InlineData("1.45", "0.1", "1.5")]
    public void Round_TickSizeVectors(string x, string step, string expected)
    {
        Assert.Equal(expected, Precision.ToWire(Precision.Round(D(x), D(step))));
    }

    [Theory]
    [InlineData("90000.555", "0.01", "90000.55", "90000.56")]
    [InlineData("-1.005", "0.01", "-1.01", "-1")]
    [InlineData("7", "2.5", "5", "7.5")]
    public void FloorAndCeiling_DirectionalRounding(string x, string step, string floor, string ceiling)
    {
        Assert.Equal(floor, Precision.ToWire(Precision.Floor(D(x), D(step))));
        Assert.Equal(ceiling, Precision.ToWire(Precision.Ceiling(D(x), D(step))));
    }

    [Fact]
    public void Truncate_ZeroStep_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Precision.Truncate(1m, 0m));
    }

    [Theory]
    [InlineData("0.00001000", "0.00001")]
    [InlineData("1E-5", "0.00001")]
    [InlineData("1e-8", "0.00000001")]
    [InlineData("100", "100")]
    [InlineData("100.000", "100")]
    [InlineData("97000.10", "97000.1")]
    [InlineData("-0.000", "0")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void ToWire_NeverExponentNeverTrailingZeros(string x, string expected)
    {
        var wire = Precision.ToWire(Precision.Parse(x, "test"));

        Assert.Equal(expected, wire);
        Assert.DoesNotContain('E', wire);
        Assert.DoesNotContain('e', wire);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5")]
    public void Parse_NotANumber_BadResponseNamingTheField(string? text)
    {
        var error = Assert.Throws<BadResponse>(() => Precision.Parse(text, "price"));

        Assert.Contains("price", error.Message, StringComparison.Ordinal);
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}

using TradingBot.Core.Market;

namespace TradingBot.Core.Tests.Market;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("BTC/USDT", "BTC", "USDT")]
    [InlineData("BTC-USDT", "BTC", "USDT")]
    [InlineData("btc/usdt", "BTC", "USDT")]
    [InlineData("eth-Btc", "ETH", "BTC")]
    [InlineData(" SOL / USDC ", "SOL", "USDC")]
    [InlineData("1INCH/USDT", "1INCH", "USDT")]
    public void Parse_UnifiedOrDashForm_ReturnsUpperCaseBaseAndQuote(string text, string expectedBase, string expectedQuote)
    {
        var symbol = Symbol.Parse(text);

        Assert.Equal(expectedBase, symbol.Base);
        Assert.Equal(expectedQuote, symbol.Quote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("BTCUSDT")]
    [InlineData("BTC/")]
    [InlineData("/USDT")]
    [InlineData("-USDT")]
    [InlineData("BTC/USDT/EUR")]
    [InlineData("BTC-USDT-PERP")]
    [InlineData("BTC/USDT-X")]
    [InlineData("BTC_USDT")]
    [InlineData("BTC/US DT")]
    [InlineData("BT€/USDT")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU/USDT")]
    public void TryParse_InvalidForm_ReturnsFalse(string text)
    {
        var parsed = Symbol.TryParse(text, out var symbol);

        Assert.False(parsed);
        Assert.Equal(default, symbol);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        var parsed = Symbol.TryParse(null, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void Parse_InvalidForm_ThrowsFormatExceptionNamingTheTextAndTheExpectedShape()
    {
        Action act = () => Symbol.Parse("BTCUSDT");

        var error = Assert.Throws<FormatException>(act);
        Assert.Contains("'BTCUSDT'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BTC/USDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_IsUnifiedSlashForm()
    {
        var symbol = Symbol.Parse("btc-usdt");

        var text = symbol.ToString();

        Assert.Equal("BTC/USDT", text);
    }

    [Fact]
    public void ToKey_Always_IsDashForm()
    {
        var symbol = Symbol.Parse("BTC/USDT");

        var key = symbol.ToKey();

        Assert.Equal("BTC-USDT", key);
    }

    [Theory]
    [InlineData("BTC/USDT")]
    [InlineData("ETH-BTC")]
    public void Parse_OwnFormats_RoundTrip(string text)
    {
        var symbol = Symbol.Parse(text);

        var fromUnified = Symbol.Parse(symbol.ToString());
        var fromKey = Symbol.Parse(symbol.ToKey());

        Assert.Equal(symbol, fromUnified);
        Assert.Equal(symbol, fromKey);
    }

    [Fact]
    public void Constructor_LowerCaseCodes_EqualsParsedSymbol()
    {
        var constructed = new Symbol(" btc", "usdt ");

        var parsed = Symbol.Parse("BTC/USDT");

        Assert.Equal(parsed, constructed);
        Assert.Equal(parsed.GetHashCode(), constructed.GetHashCode());
    }

    [Theory]
    [InlineData("", "USDT", "base")]
    [InlineData("BTC", " ", "quote")]
    [InlineData("BTC/", "USDT", "base")]
    [InlineData("BTC", "US-DT", "quote")]
    public void Constructor_InvalidCode_ThrowsNamingTheArgument(string @base, string quote, string parameter)
    {
        Action act = () => _ = new Symbol(@base, quote);

        var error = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(parameter, error.ParamName);
    }
}

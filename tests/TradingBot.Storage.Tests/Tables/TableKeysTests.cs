using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Tests.Tables;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("plain-id_1.2:3")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("50%|pipe")]
    [InlineData("tab\tand\u0001control\u007f\u0085")]
    [InlineData("ünïcødé €")]
    public void Escape_Unescape_RoundTripsAndYieldsALegalKey(string text)
    {
        var key = TableKeys.Escape(text);

        Assert.True(TableKeys.IsValid(key));
        Assert.DoesNotContain(TableKeys.Separator, key);
        Assert.Equal(text, TableKeys.Unescape(key));
    }

    [Fact]
    public void Escape_OrdinaryIds_AreUnchanged() => Assert.Equal("ord-abc:1", TableKeys.Escape("ord-abc:1"));

    [Fact]
    public void Compose_EscapesEachPart() => Assert.Equal("a%2Fb|c%7Cd", TableKeys.Compose("a/b", "c|d"));

    [Fact]
    public void Time_SortsLikeTime()
    {
        var earlier = TableKeys.Time(new DateTimeOffset(2026, 1, 9, 23, 59, 59, TimeSpan.Zero));
        var later = TableKeys.Time(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), TableKeys.ParseTime(later));
    }

    [Fact]
    public void Unescape_BrokenEscape_IsAFormatError() => Assert.Throws<FormatException>(() => TableKeys.Unescape("a%Zq"));
}

using TradingBot.Backtesting.Data;

namespace TradingBot.Backtesting.Tests.Data;

/// <summary>Every kind of bad candle file is refused with the file, the 1-based line, the field and the reason.</summary>
public sealed class CsvCandleReaderBadInputTests
{
    private const string Header = "timestamp,open,high,low,close,volume\n";

    private static CsvFormatException Error(string text) =>
        Assert.Throws<CsvFormatException>(() => CsvCandleReaderTests.Read(text));

    private static void AssertError(CsvFormatException error, int line, string? field, string reason)
    {
        Assert.Equal("candles.csv", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(field is null ? $"candles.csv:{line}: {reason}" : $"candles.csv:{line}: field '{field}': {reason}", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  \r\n\t\r\n")]
    public void Read_EmptyFile_SaysItIsEmpty(string text)
    {
        var error = Error(text);

        Assert.Equal("candles.csv", error.File);
        Assert.Null(error.Field);
        Assert.Equal("the file is empty: expected a header or candle rows", error.Reason);
    }

    [Theory]
    [InlineData(Header)]
    [InlineData(Header + "\n\n")]
    [InlineData("timestamp,open,high,low,close")]
    public void Read_HeaderOnly_NamesTheHeaderLine(string text)
    {
        var error = Error(text);

        AssertError(error, 1, null, "the file has a header but no candle rows");
    }

    [Theory]
    [InlineData("timestamp,open,high,close,volume", "low")]
    [InlineData("date,open,close", "high, low")]
    [InlineData("date,price,volume", "open, high, low, close")]
    [InlineData("open,high,low,close,volume", "a time column (timestamp, date, time, datetime or open_time, or an unnamed first column)")]
    [InlineData("when,open,high,low,close", "a time column (timestamp, date, time, datetime or open_time, or an unnamed first column)")]
    public void Read_MissingColumns_NamesEachMissingColumn(string header, string missing)
    {
        var error = Error(header + "\n2024-03-14,10,12,9,11,5\n");

        AssertError(error, 1, null, $"missing column(s): {missing}; header was '{header}'");
    }

    [Theory]
    [InlineData("2024-03-14,abc,12,9,11,5", "open", "'abc' is not a number")]
    [InlineData("2024-03-14,10,12,9,11.5.1,5", "close", "'11.5.1' is not a number")]
    [InlineData("2024-03-14,10,1 2,9,11,5", "high", "'1 2' is not a number")]
    [InlineData("2024-03-14,10,12,9,11,NaN", "volume", "'NaN' is not a number")]
    [InlineData("2024-03-14,10,12,,11,5", "low", "missing value")]
    [InlineData("2024-03-14,10,12,9,11,", "volume", "missing value")]
    public void Read_NonNumericOrMissingValue_NamesTheField(string row, string field, string reason)
    {
        var error = Error(Header + "2024-03-13,10,12,9,11,5\n" + row + "\n");

        AssertError(error, 3, field, reason);
    }

    [Theory]
    [InlineData("2024-03-14,-10,12,9,11,5", "open", "price -10 must be positive")]
    [InlineData("2024-03-14,10,12,9,0,5", "close", "price 0 must be positive")]
    [InlineData("2024-03-14,10,12,-0.0,11,5", "low", "price 0.0 must be positive")]
    [InlineData("2024-03-14,10,-12,9,11,5", "high", "price -12 must be positive")]
    public void Read_NegativeOrZeroPrice_NamesTheField(string row, string field, string reason)
    {
        var error = Error(Header + row + "\n");

        AssertError(error, 2, field, reason);
    }

    [Fact]
    public void Read_NegativeVolume_NamesTheVolumeField()
    {
        var error = Error(Header + "2024-03-14,10,12,9,11,-5.5\n");

        AssertError(error, 2, "volume", "volume -5.5 is negative");
    }

    [Fact]
    public void Read_HighBelowLow_NamesTheHighField()
    {
        var error = Error(Header + "2024-03-14,10,9,12,11,5\n");

        AssertError(error, 2, "high", "high 9 is below low 12");
    }

    [Theory]
    [InlineData("2024-03-14,12.5,12,9,11,5", "open", "open 12.5 is outside low 9 .. high 12")]
    [InlineData("2024-03-14,8.99,12,9,11,5", "open", "open 8.99 is outside low 9 .. high 12")]
    [InlineData("2024-03-14,10,12,9,13,5", "close", "close 13 is outside low 9 .. high 12")]
    [InlineData("2024-03-14,10,12,9,8,5", "close", "close 8 is outside low 9 .. high 12")]
    public void Read_OpenOrCloseOutsideHighLow_NamesTheField(string row, string field, string reason)
    {
        var error = Error(Header + row + "\n");

        AssertError(error, 2, field, reason);
    }

    [Fact]
    public void Read_UnsortedTimestamps_NamesBothLines()
    {
        var error = Error(Header + "2024-03-14,10,12,9,11,5\n2024-03-15,10,12,9,11,5\n2024-03-13,10,12,9,11,5\n");

        AssertError(error, 4, "timestamp",
            "timestamp 2024-03-13T00:00:00Z is earlier than 2024-03-15T00:00:00Z on line 3: rows must be sorted by time");
    }

    [Fact]
    public void Read_DuplicateTimestamps_NamesBothLines()
    {
        var error = Error(Header + "2024-03-14 09:30:00,10,12,9,11,5\n2024-03-14T11:30:00+02:00,10,12,9,11,5\n");

        AssertError(error, 3, "timestamp", "duplicate timestamp 2024-03-14T09:30:00Z (also on line 2)");
    }

    [Fact]
    public void Read_BlankLineBetweenRows_NamesTheBlankLine()
    {
        var error = Error(Header + "2024-03-14,10,12,9,11,5\n\n2024-03-15,10,12,9,11,5\n");

        AssertError(error, 3, null, "empty line inside the data");
    }

    [Theory]
    [InlineData("2024-03-14,10,12,9", 4, "close")]
    [InlineData("2024-03-14,10", 2, "high")]
    [InlineData("2024-03-14,10,12,9,11", 5, "volume")]
    public void Read_TooFewFieldsInRow_NamesTheFirstMissingField(string row, int fields, string field)
    {
        var error = Error(Header + row + "\n");

        AssertError(error, 2, field, $"missing value: the row has {fields} fields but 6 are needed");
    }

    [Fact]
    public void Read_HeaderlessRowShorterThanFirstRow_NamesTheMissingVolume()
    {
        var error = Error("1710408600000,10,12,9,11,5\n1710408660000,10,12,9,11\n");

        AssertError(error, 2, "volume", "missing value: the row has 5 fields but 6 are needed");
    }

    [Fact]
    public void Read_HeaderlessFileWithTooFewColumns_SaysWhatIsNeeded()
    {
        var error = Error("1710408600000,10,12,9\n");

        AssertError(error, 1, null, "a file without a header needs time,open,high,low,close[,volume] columns; this row has 4");
    }

    [Theory]
    [InlineData("yesterday", "'yesterday' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("2024-13-01", "'2024-13-01' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("2024-02-30", "'2024-02-30' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("2024-03-14T25:00:00Z", "'2024-03-14T25:00:00Z' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("2024-03-14T09:30:00+15:00", "'2024-03-14T09:30:00+15:00' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("2024-03-14T09:30:00+05:75", "'2024-03-14T09:30:00+05:75' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("0001-01-01T00:30:00+01:00", "'0001-01-01T00:30:00+01:00' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("03/14/2024", "'03/14/2024' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("14.03.2024", "'14.03.2024' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("-1710408600", "'-1710408600' is not an ISO-8601 date/time or a Unix timestamp")]
    [InlineData("171040860000000000", "'171040860000000000' is not a Unix time in seconds (9-11 digits), milliseconds (12-14) or microseconds (15-17), nor a yyyyMMdd date")]
    [InlineData("1234567", "'1234567' is not a Unix time in seconds (9-11 digits), milliseconds (12-14) or microseconds (15-17), nor a yyyyMMdd date")]
    [InlineData("20241301", "'20241301' is neither a yyyyMMdd date nor a plausible Unix time")]
    [InlineData("\"\"", "missing timestamp")]
    public void Read_BadTimestamp_NamesTheTimeField(string time, string reason)
    {
        var error = Error(Header + time + ",10,12,9,11,5\n");

        AssertError(error, 2, "timestamp", reason);
    }

    [Fact]
    public void Read_EightDigitTimestamp_IsACompactDateNotA1970UnixTime()
    {
        var candles = CsvCandleReader.Read(new StringReader(Header + "20240314,10,12,9,11,5\n"), "compact.csv");

        Assert.Equal(new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero), Assert.Single(candles).Time);
    }

    [Fact]
    public void Read_BadValueInUnnamedTimeColumn_SaysUnnamedTimeColumn()
    {
        var error = Error(",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n2004-08-xx,100,104.06,95.96,100.34,22351900\n");

        AssertError(error, 3, "(unnamed time column)", "'2004-08-xx' is not an ISO-8601 date/time or a Unix timestamp");
    }

    [Fact]
    public void Read_FieldNames_AreSpelledAsInTheHeader()
    {
        var error = Error(",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,-100.34,22351900\n");

        AssertError(error, 2, "Close", "price -100.34 must be positive");
    }

    [Fact]
    public void Read_ErrorAfterLeadingBlankLines_CountsThemInTheLineNumber()
    {
        var error = Error("\n\n" + Header + "2024-03-14,10,12,9,11,-1\n");

        AssertError(error, 4, "volume", "volume -1 is negative");
    }
}

using System.Globalization;
using System.Text;
using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Data;

/// <summary>Every CSV shape the reader accepts, with the exact values it yields.</summary>
public sealed class CsvCandleReaderTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 14, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Minute = new(2024, 3, 14, 9, 30, 0, TimeSpan.Zero);

    internal static Candle[] Read(string text) => CsvCandleReader.Read(new StringReader(text), "candles.csv");

    [Fact]
    public void Read_UnnamedFirstColumnLikeGoog_ReadsDatesAndExactDecimals()
    {
        var candles = Read(",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n2004-08-20,101.01,109.08,100.5,108.31,11428600\n");

        Assert.Equal(
            [
                new Candle(new DateTimeOffset(2004, 8, 19, 0, 0, 0, TimeSpan.Zero), 100m, 104.06m, 95.96m, 100.34m, 22351900m),
                new Candle(new DateTimeOffset(2004, 8, 20, 0, 0, 0, TimeSpan.Zero), 101.01m, 109.08m, 100.5m, 108.31m, 11428600m),
            ],
            candles);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("date")]
    [InlineData("time")]
    [InlineData("datetime")]
    [InlineData("open_time")]
    [InlineData("Timestamp")]
    [InlineData("DATE")]
    [InlineData("Open_Time")]
    [InlineData("DateTime")]
    public void Read_TimeColumnNameInAnyCase_IsRecognised(string name)
    {
        var candles = Read($"{name},open,high,low,close,volume\n2024-03-14,10,12,9,11,5\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 5m)], candles);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_MapsByName()
    {
        var candles = Read("CLOSE,Volume,low,Date,High,oPeN\n11,5,9,2024-03-14,12,10\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 5m)], candles);
    }

    [Fact]
    public void Read_NoVolumeColumn_ReadsZeroVolume()
    {
        var candles = Read("date,open,high,low,close\n2024-03-14,10,12,9,11\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 0m)], candles);
    }

    [Fact]
    public void Read_ExtraColumns_AreIgnored()
    {
        var candles = Read("symbol,date,open,high,low,close,volume,trades,vwap\nBTCUSDT,2024-03-14,10,12,9,11,5,42,10.7\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 5m)], candles);
    }

    [Theory]
    [InlineData("2024-03-14", "2024-03-14T00:00:00Z")]
    [InlineData("2024-03-14 09:30", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14 09:30:00", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T09:30:00", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T09:30:00Z", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14 09:30:00Z", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T11:30:00+02:00", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T04:30:00-05:00", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T11:30:00+0200", "2024-03-14T09:30:00Z")]
    [InlineData("2024-03-14T09:30:00.5Z", "2024-03-14T09:30:00.5Z")]
    [InlineData("2024-03-14T09:30:00.123456Z", "2024-03-14T09:30:00.123456Z")]
    [InlineData("2024-03-14T09:30:00.1234567", "2024-03-14T09:30:00.1234567Z")]
    [InlineData("2024-03-14T09:30:00.123456789Z", "2024-03-14T09:30:00.1234567Z")]
    [InlineData("2024-03-14T11:30:00.250+02:00", "2024-03-14T09:30:00.25Z")]
    public void ParseTime_IsoForms_ConvertsToUtc(string text, string expected)
    {
        var time = CsvCandleReader.ParseTime(text, "candles.csv", 2, "timestamp");

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("1710408600")]
    [InlineData("1710408600000")]
    [InlineData("1710408600000000")]
    public void ParseTime_UnixSecondsMillisecondsOrMicroseconds_AreRecognisedByLength(string text)
    {
        var time = CsvCandleReader.ParseTime(text, "candles.csv", 2, "timestamp");

        Assert.Equal(Minute, time);
    }

    [Fact]
    public void ParseTime_UnixMillisecondsWithRemainder_KeepsMilliseconds()
    {
        var time = CsvCandleReader.ParseTime("1710408659999", "candles.csv", 2, "timestamp");

        Assert.Equal(Minute.AddSeconds(59).AddMilliseconds(999), time);
    }

    [Fact]
    public void Read_BinanceKlineDumpWithoutHeader_ReadsOpenTimeAndOhlcv()
    {
        var candles = Read(
            "1710408600000,71000.01000000,71100.00000000,70900.00000000,71050.50000000,123.45600000,1710408659999,8765432.10000000,1234,60.10000000,4267000.20000000,0\n" +
            "1710408660000,71050.50000000,71060.00000000,71000.00000000,71010.00000000,10.00000000,1710408719999,710300.00000000,99,5.00000000,355150.00000000,0\n");

        Assert.Equal(
            [
                new Candle(Minute, 71000.01m, 71100m, 70900m, 71050.5m, 123.456m),
                new Candle(Minute.AddMinutes(1), 71050.5m, 71060m, 71000m, 71010m, 10m),
            ],
            candles);
    }

    [Fact]
    public void Read_BinanceMicrosecondKlineDump_ReadsOpenTime()
    {
        var candles = Read("1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999999,768978.40,1300,4.30,402460.53,0\n");

        var candle = Assert.Single(candles);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), candle.Time);
        Assert.Equal(93610.93m, candle.Close);
        Assert.Equal(8.21827m, candle.Volume);
    }

    [Fact]
    public void Read_HeaderlessIsoFileWithoutVolume_ReadsZeroVolume()
    {
        var candles = Read("2024-03-14,10,12,9,11\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 0m)], candles);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void Read_SemicolonOrTabSeparator_IsDetectedFromFirstLine(char separator)
    {
        var text = string.Join(separator, "timestamp", "open", "high", "low", "close", "volume") + "\n"
            + string.Join(separator, "2024-03-14 09:30:00", "10.5", "12", "9", "11", "5") + "\n";

        var candles = Read(text);

        Assert.Equal([new Candle(Minute, 10.5m, 12m, 9m, 11m, 5m)], candles);
    }

    [Fact]
    public void Read_QuotedFieldsAndPaddedValues_AreUnquotedAndTrimmed()
    {
        var candles = Read("\"date\",\"open\",\"high\",\"low\",\"close\",\"volume\"\n\"2024-03-14\", \"10\" ,12 ,\" 9\",11,\"5\"\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 5m)], candles);
    }

    [Fact]
    public void Read_TrailingBlankLinesAndCrLf_AreAccepted()
    {
        var candles = Read("date,open,high,low,close\r\n2024-03-14,10,12,9,11\r\n2024-03-15,11,13,10,12\r\n\r\n   \r\n");

        Assert.Equal(2, candles.Length);
        Assert.Equal(Day.AddDays(1), candles[1].Time);
    }

    [Fact]
    public void Read_LeadingBlankLines_AreSkippedBeforeTheHeader()
    {
        var candles = Read("\n  \n\ndate,open,high,low,close\n2024-03-14,10,12,9,11\n");

        Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 0m)], candles);
    }

    [Fact]
    public void Read_NumbersWithExponentOrManyDigits_AreExact()
    {
        var candles = Read("date,open,high,low,close,volume\n2024-03-14,1.5e-1,0.2000000000000000000000001,1E-1,0.15000000000000000000,2.5E3\n");

        var candle = Assert.Single(candles);
        Assert.Equal(0.15m, candle.Open);
        Assert.Equal(0.2000000000000000000000001m, candle.High);
        Assert.Equal(0.1m, candle.Low);
        Assert.Equal(0.15m, candle.Close);
        Assert.Equal(2500m, candle.Volume);
    }

    [Fact]
    public void Read_ZeroVolume_IsAccepted()
    {
        var candles = Read("date,open,high,low,close,volume\n2024-03-14,10,10,10,10,0\n");

        Assert.Equal(0m, Assert.Single(candles).Volume);
    }

    [Fact]
    public void ReadFile_Utf8ByteOrderMark_IsNotPartOfTheHeader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tradingbot-bom-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "timestamp,open,high,low,close\n2024-03-14,10,12,9,11\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var candles = CsvCandleReader.ReadFile(path);

            Assert.Equal([new Candle(Day, 10m, 12m, 9m, 11m, 0m)], candles);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tradingbot-missing-{Guid.NewGuid():N}.csv");

        var error = Assert.Throws<FileNotFoundException>(() => CsvCandleReader.ReadFile(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}

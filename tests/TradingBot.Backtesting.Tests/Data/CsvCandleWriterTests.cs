using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Data;

public sealed class CsvCandleWriterTests
{
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_Candles_WritesHeaderThenOneIsoUtcRowPerCandle()
    {
        var candles = new[]
        {
            new Candle(Start, 100.000000m, 100.5m, 99.25m, 100.1m, 7.305097m),
            new Candle(new DateTimeOffset(2020, 1, 1, 2, 1, 30, 500, TimeSpan.FromHours(2)), 1m, 2m, 0.5m, 1.5m, 0m),
        };
        var writer = new StringWriter();

        var count = CsvCandleWriter.Write(writer, candles);

        Assert.Equal(2, count);
        Assert.Equal(
            "timestamp,open,high,low,close,volume\n" +
            "2020-01-01T00:00:00Z,100.000000,100.5,99.25,100.1,7.305097\n" +
            "2020-01-01T00:01:30.5Z,1,2,0.5,1.5,0\n",
            writer.ToString());
    }

    [Fact]
    public void Write_ThenRead_GivesIdenticalCandlesWithTheSameDecimalScales()
    {
        var candles = new GeometricBrownianMotion(seed: 5).Generate(2_000, Start, TimeSpan.FromMinutes(1))
            .Append(new Candle(Start.AddDays(2).AddTicks(1), 123456789012.123456789m, 123456789012.2m, 0.000000001m, 1.10m, 1e-8m))
            .ToArray();
        var writer = new StringWriter();

        CsvCandleWriter.Write(writer, candles);
        var read = CsvCandleReader.Read(new StringReader(writer.ToString()), "round-trip.csv");

        Assert.Equal(candles, read);
        Assert.Equal(candles.Select(c => $"{c.Open}|{c.High}|{c.Low}|{c.Close}|{c.Volume}"), read.Select(c => $"{c.Open}|{c.High}|{c.Low}|{c.Close}|{c.Volume}"));
    }

    [Fact]
    public void Write_SharedGoogFile_ReadsBackIdentically()
    {
        var goog = CsvCandleReader.ReadFile(RepositoryPaths.SharedFile("GOOG.csv"));
        var writer = new StringWriter();

        CsvCandleWriter.Write(writer, goog);

        Assert.Equal(goog, CsvCandleReader.Read(new StringReader(writer.ToString()), "goog-copy.csv"));
    }

    [Fact]
    public void Write_NoCandles_WritesOnlyTheHeader()
    {
        var writer = new StringWriter();

        var count = CsvCandleWriter.Write(writer, []);

        Assert.Equal(0, count);
        Assert.Equal(CsvCandleWriter.Header + "\n", writer.ToString());
    }
}

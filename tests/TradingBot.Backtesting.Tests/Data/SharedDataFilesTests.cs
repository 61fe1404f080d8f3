using System.Globalization;
using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Data;

/// <summary>The five shared sample files load completely, with the first and last bars exactly as written.</summary>
public sealed class SharedDataFilesTests
{
    public static TheoryData<string, int, string, string> Files => new()
    {
        { "GOOG.csv", 2_148, "2004-08-19T00:00:00Z 100 104.06 95.96 100.34 22351900", "2013-03-01T00:00:00Z 797.8 807.14 796.15 806.19 2175400" },
        { "EURUSD.csv", 5_000, "2017-04-19T09:00:00Z 1.0716 1.0722 1.07083 1.07219 1413", "2018-02-07T15:00:00Z 1.23427 1.23444 1.22904 1.22904 6143" },
        { "BTCUSD.csv", 156, "2012-01-31T00:00:00Z 4.58 7.38 3.8 5.55 2012.25343589", "2024-12-31T00:00:00Z 96515.0 108364.0 92092.0 93381.0 25342.80228337" },
        { "synthetic_10000.csv", 10_000, "2020-01-01T00:00:00Z 100.000000 100.043300 99.908500 100.033600 7.305097", "2020-01-07T22:39:00Z 88.781600 88.839200 88.725400 88.763600 13.659427" },
        { "synthetic_100000.csv", 100_000, "2020-01-01T00:00:00Z 100.000000 100.120500 99.855600 100.033600 115.564394", "2020-03-10T10:39:00Z 58.937200 58.988500 58.922400 58.979800 124.901800" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadFile_SharedSample_LoadsEveryRowWithExactFirstAndLastBars(string file, int rows, string first, string last)
    {
        var candles = CsvCandleReader.ReadFile(RepositoryPaths.SharedFile(file));

        Assert.Equal(rows, candles.Length);
        Assert.Equal(first, Describe(candles[0]));
        Assert.Equal(last, Describe(candles[^1]));
        Assert.DoesNotContain(candles, c => c.Validate() is not null);
    }

    private static string Describe(Candle c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} {c.Open} {c.High} {c.Low} {c.Close} {c.Volume}");
}

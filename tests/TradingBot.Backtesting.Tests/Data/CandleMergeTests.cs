using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Data;

public sealed class CandleMergeTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Candle Bar(int minute, decimal close = 10m) =>
        new(Start.AddMinutes(minute), 10m, Math.Max(10m, close), Math.Min(10m, close), close, 1m);

    private static Candle[] Bars(params int[] minutes) => minutes.Select(m => Bar(m)).ToArray();

    [Fact]
    public void Merge_FilesGivenOutOfOrder_JoinsThemInTimeOrder()
    {
        var february = Bars(3, 4, 5);
        var january = Bars(0, 1, 2);

        var result = CandleMerge.Merge([february, january], ["feb.csv", "jan.csv"]);

        Assert.Equal(Bars(0, 1, 2, 3, 4, 5), result.Candles);
        Assert.Equal(0, result.Gaps);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Spacing);
        Assert.Equal(TimeSpan.FromMinutes(1), result.LargestGap);
    }

    [Fact]
    public void Merge_IdenticalOverlap_KeepsOneCopyOfEachBar()
    {
        var first = Bars(0, 1, 2, 3);
        var second = new[] { Bar(2), Bar(3) with { Close = 10.000m }, Bar(4) };

        var result = CandleMerge.Merge([first, second], ["a.csv", "b.csv"]);

        Assert.Equal(Bars(0, 1, 2, 3, 4), result.Candles);
    }

    [Fact]
    public void Merge_ConflictingOverlap_NamesBothFilesAndTheTime()
    {
        var first = Bars(0, 1, 2);
        var second = new[] { Bar(2, close: 11m), Bar(3) };

        var error = Assert.Throws<CsvFormatException>(() => CandleMerge.Merge([first, second], ["a.csv", "b.csv"]));

        Assert.Equal("b.csv", error.File);
        Assert.Equal("timestamp", error.Field);
        Assert.Contains("2024-01-01T00:02:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_MissingBars_CountsGapsAgainstTheUsualSpacing()
    {
        var first = Bars(0, 1, 2, 3, 4, 5);
        var second = Bars(8, 9, 10, 11, 20, 21);

        var result = CandleMerge.Merge([first, second], ["a.csv", "b.csv"]);

        Assert.Equal(12, result.Candles.Count);
        Assert.Equal(2, result.Gaps);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Spacing);
        Assert.Equal(TimeSpan.FromMinutes(9), result.LargestGap);
    }

    [Fact]
    public void Merge_SingleBar_HasNoSpacingOrGaps()
    {
        var result = CandleMerge.Merge([Bars(0)], ["a.csv"]);

        Assert.Single(result.Candles);
        Assert.Equal(0, result.Gaps);
        Assert.Equal(TimeSpan.Zero, result.Spacing);
    }

    [Fact]
    public void Merge_NoFiles_IsEmpty()
    {
        var result = CandleMerge.Merge([], []);

        Assert.Empty(result.Candles);
        Assert.Equal(0, result.Gaps);
    }
}

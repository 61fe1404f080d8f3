using TradingBot.Backtesting.Data;
using TradingBot.Core.Market;
using TradingBot.Testing;

namespace TradingBot.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Synth_SameSeed_WritesByteIdenticalFiles()
    {
        var first = _folder.File("first.csv");
        var second = _folder.File("second.csv");

        var runs = new[]
        {
            await CliRunner.RunAsync("data", "synth", "--bars", "2000", "--seed", "7", "--out", first),
            await CliRunner.RunAsync("data", "synth", "--bars", "2000", "--seed", "7", "--out", second),
        };

        Assert.All(runs, r => Assert.Equal(ExitCodes.Success, r.ExitCode));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task Synth_DifferentSeed_WritesDifferentPrices()
    {
        var first = _folder.File("first.csv");
        var second = _folder.File("second.csv");

        await CliRunner.RunAsync("data", "synth", "--bars", "100", "--seed", "1", "--out", first);
        await CliRunner.RunAsync("data", "synth", "--bars", "100", "--seed", "2", "--out", second);

        Assert.NotEqual(File.ReadAllText(first), File.ReadAllText(second));
    }

    [Fact]
    public async Task Synth_Defaults_WritesHeaderAndOneMinuteBarFromTheStartDate()
    {
        var path = _folder.File("synthetic.csv");

        var result = await CliRunner.RunAsync("data", "synth", "--bars", "1500", "--out", path);

        var lines = File.ReadAllLines(path);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"Wrote 1,500 1m bars to {path}", result.Output, StringComparison.Ordinal);
        Assert.Equal(1_501, lines.Length);
        Assert.Equal("timestamp,open,high,low,close,volume", lines[0]);
        Assert.StartsWith("2020-01-01T00:00:00Z,100.000000,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2020-01-01T00:01:00Z,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2020-01-02T00:59:00Z,", lines[^1], StringComparison.Ordinal);
        Assert.Equal(1_500, CsvCandleReader.ReadFile(path).Length);
    }

    [Fact]
    public async Task Synth_TimeframeStartAndPrice_AreUsed()
    {
        var path = _folder.File("nested/folder/hourly.csv");

        var result = await CliRunner.RunAsync("data", "synth", "--bars", "48", "--seed", "3", "--timeframe", "1h",
            "--start", "2024-03-14", "--price", "50.5", "--volatility", "0.2", "--out", path);

        var candles = CsvCandleReader.ReadFile(path);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(48, candles.Length);
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero), candles[0].Time);
        Assert.Equal(TimeSpan.FromHours(1), candles[1].Time - candles[0].Time);
        Assert.Equal(50.5m, candles[0].Open);
    }

    [Theory]
    [InlineData("--bars", "0", "--bars must be between 1 and 50,000,000, got 0.")]
    [InlineData("--volatility", "11", "--volatility must be between 0 and 10, got 11.")]
    [InlineData("--timeframe", "1x", "--timeframe: '1x' has an unknown unit 'x'; use s, m, h, d or w.")]
    [InlineData("--timeframe", "100000000d", "--timeframe: '100000000d' is too long for a timeframe.")]
    [InlineData("--start", "03/14/2024", "--start: '03/14/2024' is not an ISO-8601 time or Unix timestamp.")]
    [InlineData("--price", "-5", "--price must be positive.")]
    public async Task Synth_BadOption_ExitsWithBadInputAndSaysWhy(string option, string value, string message)
    {
        var path = _folder.File("never.csv");
        var args = new List<string> { "data", "synth", "--out", path, option, value };
        if (option != "--bars")
        {
            args.AddRange(["--bars", "10"]);
        }

        var result = await CliRunner.RunAsync([.. args]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: {message}", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Synth_MissingOut_ExitsWithBadInput()
    {
        var result = await CliRunner.RunAsync("data", "synth", "--bars", "10");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--out", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TwoFilesInDifferentShapes_WritesOneNormalisedFileInTimeOrder()
    {
        var later = _folder.Write("later.csv",
            "1710408720000,11,12,10,11.5,3,1710408779999,0,0,0,0,0\n" +
            "1710408780000,11.5,12,11,11.75,4,1710408839999,0,0,0,0,0\n");
        var earlier = _folder.Write("earlier.csv",
            ",Open,High,Low,Close,Volume\n" +
            "2024-03-14 09:30:00,10,11,9,10.5,1\n" +
            "2024-03-14 09:31:00,10.5,11,10,11,2\n" +
            "2024-03-14 09:32:00,11,12,10,11.5,3\n");
        var output = _folder.File("merged.csv");

        var result = await CliRunner.RunAsync("data", "import", "--input", later, "--input", earlier, "--out", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Imported 4 bars 2024-03-14T09:30:00.0000000+00:00 .. 2024-03-14T09:33:00.0000000+00:00", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gap", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            "timestamp,open,high,low,close,volume\n" +
            "2024-03-14T09:30:00Z,10,11,9,10.5,1\n" +
            "2024-03-14T09:31:00Z,10.5,11,10,11,2\n" +
            "2024-03-14T09:32:00Z,11,12,10,11.5,3\n" +
            "2024-03-14T09:33:00Z,11.5,12,11,11.75,4\n",
            File.ReadAllText(output));
    }

    [Fact]
    public async Task Import_MissingBars_ReportsTheGaps()
    {
        var input = _folder.Write("gappy.csv",
            "timestamp,open,high,low,close\n2024-03-14T09:30:00Z,1,1,1,1\n2024-03-14T09:31:00Z,1,1,1,1\n2024-03-14T09:32:00Z,1,1,1,1\n2024-03-14T09:40:00Z,1,1,1,1\n");

        var result = await CliRunner.RunAsync("data", "import", "--input", input, "--out", _folder.File("out.csv"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("1 gap(s) longer than the usual bar spacing (00:01:00); largest 00:08:00.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadFile_ExitsWithBadInputNamingFileLineAndField()
    {
        var good = _folder.Write("good.csv", "date,open,high,low,close\n2024-03-14,10,12,9,11\n");
        var bad = _folder.Write("bad.csv", "date,open,high,low,close\n2024-03-15,10,12,9,11\n2024-03-16,10,12,9,-1\n");
        var output = _folder.File("out.csv");

        var result = await CliRunner.RunAsync("data", "import", "--input", good, "--input", bad, "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: {bad}:3: field 'close': price -1 must be positive", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Import_ConflictingOverlap_ExitsWithBadInputNamingBothFiles()
    {
        var first = _folder.Write("first.csv", "date,open,high,low,close\n2024-03-14,10,12,9,11\n2024-03-15,10,12,9,11\n");
        var second = _folder.Write("second.csv", "date,open,high,low,close\n2024-03-15,10,12,9,11.5\n2024-03-16,10,12,9,11\n");
        var output = _folder.File("out.csv");

        var result = await CliRunner.RunAsync("data", "import", "--input", first, "--input", second, "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: {second}:", result.Output, StringComparison.Ordinal);
        Assert.Contains($"differs from the bar with the same time in {first}", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Import_MissingInputFile_ExitsWithBadInput()
    {
        var missing = _folder.File("missing.csv");

        var result = await CliRunner.RunAsync("data", "import", "--input", missing, "--out", _folder.File("out.csv"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: --input: file '{missing}' does not exist.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SynthOutput_RoundTripsUnchanged()
    {
        var synthetic = _folder.File("synthetic.csv");
        var imported = _folder.File("imported.csv");
        await CliRunner.RunAsync("data", "synth", "--bars", "500", "--seed", "11", "--out", synthetic);

        var result = await CliRunner.RunAsync("data", "import", "--input", synthetic, "--out", imported);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(File.ReadAllText(synthetic), File.ReadAllText(imported));
        Assert.Equal<Candle>(CsvCandleReader.ReadFile(synthetic), CsvCandleReader.ReadFile(imported));
    }
}

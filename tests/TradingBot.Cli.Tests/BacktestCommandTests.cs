using System.CommandLine;
using System.Text.Json;
using Spectre.Console.Testing;
using TradingBot.Testing;

namespace TradingBot.Cli.Tests;

/// <summary>The exact contract of <c>tradingbot backtest</c>: table, JSON keys, NaN as null, exit codes.</summary>
public sealed class BacktestCommandTests
{
    private static readonly string Goog = RepositoryPaths.SharedFile("GOOG.csv");

    private static readonly string[] StatsKeys =
    [
        "start", "end", "durationDays", "exposureTimePct", "equityFinal", "equityPeak", "returnPct", "buyHoldReturnPct",
        "returnAnnPct", "volatilityAnnPct", "cagrPct", "sharpe", "sortino", "calmar", "alphaPct", "beta", "maxDrawdownPct",
        "avgDrawdownPct", "maxDrawdownDurationDays", "avgDrawdownDurationDays", "trades", "winRatePct", "bestTradePct",
        "worstTradePct", "avgTradePct", "maxTradeDurationDays", "avgTradeDurationDays", "profitFactor", "expectancyPct",
        "sqn", "kellyCriterion",
    ];

    [Fact]
    public async Task Backtest_GoogSmaCross_PrintsTheStatisticsTable()
    {
        var (exitCode, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30");

        Assert.Equal(0, exitCode);
        Assert.Contains("Equity Final [$]", output, StringComparison.Ordinal);
        Assert.Contains("51422.99", output, StringComparison.Ordinal);
        Assert.Contains("Sharpe Ratio", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Json_HasStatsTradesEquityWithTheContractKeys()
    {
        using var temp = new TemporaryFolder();
        var path = temp.File("result.json");

        var (exitCode, _) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30", "--json", path);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var stats = json.RootElement.GetProperty("stats");
        Assert.Equal(StatsKeys, stats.EnumerateObject().Select(p => p.Name));
        Assert.Equal(51422.99m, stats.GetProperty("equityFinal").GetDecimal());
        Assert.Equal(66, stats.GetProperty("trades").GetInt32());
        Assert.Equal(JsonValueKind.Number, stats.GetProperty("sharpe").ValueKind);
        Assert.Equal(66, json.RootElement.GetProperty("trades").GetArrayLength());
        Assert.Equal(2148, json.RootElement.GetProperty("equity").GetArrayLength());
        var trade = json.RootElement.GetProperty("trades")[0];
        Assert.Equal("signal", trade.GetProperty("exitReason").GetString());
    }

    [Fact]
    public async Task Backtest_RunWithoutTrades_WritesNaNStatisticsAsNull()
    {
        using var temp = new TemporaryFolder();
        var data = temp.File("flat.csv");
        await File.WriteAllLinesAsync(data, ["date,open,high,low,close", .. Enumerable.Range(1, 28).Select(d => $"2024-02-{d:00},10,10,10,10")]);
        var path = temp.File("result.json");

        var (exitCode, _) = await CliRunner.RunAsync("backtest", "--data", data, "--strategy", "sma-cross", "--json", path);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var stats = json.RootElement.GetProperty("stats");
        Assert.Equal(0, stats.GetProperty("trades").GetInt32());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("winRatePct").ValueKind);
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("sqn").ValueKind);
    }

    [Fact]
    public async Task Backtest_Report_WritesAnHtmlFile()
    {
        using var temp = new TemporaryFolder();
        var path = temp.File("report.html");

        var (exitCode, _) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "breakout", "--report", path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("<!doctype html>", await File.ReadAllTextAsync(path), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--strategy", "moonshot")]
    [InlineData("--param", "fast=abc")]
    [InlineData("--param", "nope=1")]
    [InlineData("--param", "fast")]
    [InlineData("--param", "fast=2.5")]
    [InlineData("--commission", "0.5")]
    [InlineData("--commission", "lots")]
    [InlineData("--spread", "-1")]
    [InlineData("--cash", "0")]
    public async Task Backtest_BadArgument_ExitsWith2AndSaysWhy(string option, string value)
    {
        string[] args = option == "--strategy"
            ? ["backtest", "--data", Goog, option, value]
            : ["backtest", "--data", Goog, "--strategy", "sma-cross", option, value];

        var (exitCode, output) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("error:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_FastNotBelowSlow_ExitsWith2()
    {
        var (exitCode, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--param", "fast=40", "--param", "slow=20");

        Assert.Equal(2, exitCode);
        Assert.Contains("fast (40) must be shorter than slow (20)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_MissingDataFile_ExitsWith2()
    {
        var (exitCode, output) = await CliRunner.RunAsync("backtest", "--data", "no-such-file.csv", "--strategy", "sma-cross");

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-file.csv", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_BadCsvRow_ExitsWith2NamingFileLineAndField()
    {
        using var temp = new TemporaryFolder();
        var data = temp.File("bad.csv");
        await File.WriteAllLinesAsync(data, ["timestamp,open,high,low,close", "2024-01-01,10,11,9,10", "2024-01-02,10,9,11,10"]);

        var (exitCode, output) = await CliRunner.RunAsync("backtest", "--data", data, "--strategy", "sma-cross");

        Assert.Equal(2, exitCode);
        Assert.Contains("bad.csv:3", output, StringComparison.Ordinal);
        Assert.Contains("high 9 is below low 11", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_MissingRequiredOption_ExitsWith2()
    {
        var (exitCode, _) = await CliRunner.RunAsync("backtest", "--strategy", "sma-cross");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task InvokeAsync_UnexpectedException_ExitsWith1()
    {
        var root = new RootCommand();
        var boom = new Command("boom");
        boom.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("kaput")));
        root.Subcommands.Add(boom);
        using var console = new TestConsole().Width(1_000);

        var exitCode = await CliApp.InvokeAsync(root, ["boom"], console);

        Assert.Equal(1, exitCode);
        Assert.Contains("internal error", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_Goog_Evaluates70CombinationsAndWritesJson()
    {
        using var temp = new TemporaryFolder();
        var path = temp.File("opt.json");
        var report = temp.File("heatmap.html");

        var (exitCode, output) = await CliRunner.RunAsync("optimize", "--data", Goog, "--strategy", "sma-cross",
            "--param", "fast=5..45:5", "--param", "slow=10..100:10", "--maximize", "sqn", "--constraint", "fast<slow", "--json", path,
            "--report", report);

        Assert.Equal(0, exitCode);
        Assert.Contains("70 combinations", output, StringComparison.Ordinal);
        Assert.Contains("<svg", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(70, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Equal("sqn", json.RootElement.GetProperty("maximize").GetString());
    }

    [Theory]
    [InlineData("--maximize", "luck")]
    [InlineData("--constraint", "fast <")]
    [InlineData("--constraint", "fast < slowest")]
    [InlineData("--constraint", "fast > 1000")]
    public async Task Optimize_BadSettings_ExitWith2(string option, string value)
    {
        var (exitCode, _) = await CliRunner.RunAsync("optimize", "--data", Goog, "--strategy", "sma-cross",
            "--param", "fast=5..45:5", "--param", "slow=10..100:10", option, value);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task WalkForward_Goog_PrintsWindowsAndStitchedStatistics()
    {
        using var temp = new TemporaryFolder();
        var path = temp.File("wf.json");

        var (exitCode, output) = await CliRunner.RunAsync("walk-forward", "--data", Goog, "--strategy", "sma-cross",
            "--param", "fast=5,10,20", "--param", "slow=20,40,60", "--constraint", "fast<slow", "--in-sample", "500", "--out-of-sample", "300", "--json", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("Walk-forward windows", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(5, json.RootElement.GetProperty("windows").GetArrayLength());
    }

    [Fact]
    public async Task Demo_WritesDataResultAndReport()
    {
        using var temp = new TemporaryFolder();

        var (exitCode, _) = await CliRunner.RunAsync("demo", "--out", temp.Path, "--bars", "500");

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(temp.File("demo-market.csv")));
        Assert.True(File.Exists(temp.File("demo-result.json")));
        Assert.True(File.Exists(temp.File("demo-report.html")));
    }
}

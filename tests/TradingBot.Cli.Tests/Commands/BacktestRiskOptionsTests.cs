using System.CommandLine;
using System.Text.Json;
using TradingBot.Cli.Commands;
using TradingBot.Core.Risk;
using TradingBot.Testing;

namespace TradingBot.Cli.Tests.Commands;

/// <summary><c>tradingbot backtest --risk ...</c> and the risk shortcuts.</summary>
public sealed class BacktestRiskOptionsTests
{
    private static readonly string Goog = RepositoryPaths.SharedFile("GOOG.csv");

    [Fact]
    public void ResolveRisk_NoRiskOption_IsTheReferenceMode()
    {
        Assert.Null(Resolve());
    }

    [Fact]
    public void ResolveRisk_Shortcuts_ApplyOnNoneAndNothingElse()
    {
        var risk = Resolve("--stop-loss", "2%", "--take-profit", "0.05", "--trailing-stop", "3%", "--max-position", "25%", "--daily-loss-limit", "5%")!;

        Assert.Equal(RiskOptions.None with
        {
            DailyLossLimit = 0.05m,
            Strategy = RiskOptions.None.Strategy with { StopLossPercent = 0.02m, TakeProfitPercent = 0.05m, TrailingStopPercent = 0.03m, MaxPositionFraction = 0.25m },
            Strategies = risk.Strategies,
        }, risk);
    }

    [Fact]
    public void ResolveRisk_AtrShortcut_SetsTheAtrMultipleInstead()
    {
        var risk = Resolve("--stop-loss", "2atr", "--trailing-stop", "1.5ATR")!;

        Assert.Equal((null, 2m), (risk.Strategy.StopLossPercent, risk.Strategy.StopLossAtr));
        Assert.Equal((null, 1.5m), (risk.Strategy.TrailingStopPercent, risk.Strategy.TrailingStopAtr));
    }

    [Fact]
    public void ResolveRisk_LiveDefaults_IsExactlyThePreset()
    {
        var risk = Resolve("--risk", "live-defaults")!;

        Assert.Equal(RiskOptions.LiveDefaults with { Strategies = risk.Strategies }, risk);
        Assert.Empty(risk.Strategies);
    }

    [Fact]
    public void ResolveRisk_LiveDefaultsWithAShortcut_OverridesOnlyThatSetting()
    {
        var risk = Resolve("--risk", "live-defaults", "--stop-loss", "3%")!;

        Assert.Equal(RiskOptions.LiveDefaults with { Strategy = RiskOptions.LiveDefaults.Strategy with { StopLossPercent = 0.03m }, Strategies = risk.Strategies }, risk);
    }

    [Fact]
    public void ResolveRisk_File_BindsOverTheLiveDefaultsWithNullsAndInheritingOverrides()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("risk.json", """
            {
              "Risk": {
                "DailyLossLimit": null,
                "MaxOpenPositions": 2,
                "OrderWindow": "00:30:00",
                "Strategy": { "StopLossPercent": 0.03, "CooldownAfterExit": "01:00:00" },
                "Strategies": { "breakout": { "TakeProfitPercent": 0.1, "Sizing": "FixedQuote", "QuoteAmount": 500 } }
              }
            }
            """);

        var risk = Resolve("--risk", file)!;

        Assert.Null(risk.DailyLossLimit);
        Assert.Equal(2, risk.MaxOpenPositions);
        Assert.Equal(TimeSpan.FromMinutes(30), risk.OrderWindow);
        Assert.Equal(0.20m, risk.MaxDrawdown);
        Assert.Equal(0.03m, risk.Strategy.StopLossPercent);
        var breakout = risk.For("breakout");
        Assert.Equal((0.03m, 0.1m, SizingMode.FixedQuote, 500m), (breakout.StopLossPercent, breakout.TakeProfitPercent, breakout.Sizing, breakout.QuoteAmount));
        Assert.Equal(TimeSpan.FromHours(1), breakout.CooldownAfterExit);
        Assert.Same(risk.Strategy, risk.For("sma-cross"));
        Assert.Equal(0.10m, RiskOptions.LiveDefaults.Strategy.StopLossPercent);
    }

    [Fact]
    public void ResolveRisk_TheExampleInDocsRiskMd_IsValidAndMeansWhatTheDocSays()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "risk.md"));
        var example = doc[doc.IndexOf("## Example `risk.json`", StringComparison.Ordinal)..];
        var start = example.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        using var folder = new TemporaryFolder();
        var file = folder.Write("risk.json", example[start..example.IndexOf("```", start, StringComparison.Ordinal)]);

        var risk = Resolve("--risk", file)!;

        Assert.Empty(risk.Validate());
        var breakout = risk.For("breakout");
        Assert.Equal((SizingMode.Volatility, null, 2m, 3m), (breakout.Sizing, breakout.StopLossPercent, breakout.StopLossAtr, breakout.TrailingStopAtr));
        Assert.Equal((0.25m, TimeSpan.FromMinutes(30), 0.12m), (breakout.MaxPositionFraction, breakout.CooldownAfterExit, breakout.TakeProfitPercent));
        Assert.Equal((0.04m, null), (risk.For("sma-cross").StopLossPercent, risk.For("sma-cross").TrailingStopPercent));
    }

    [Fact]
    public void ResolveRisk_FileWithoutRiskWrapper_IsTheSectionItself()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("section.json", """{ "MaxDrawdown": 0.1, "AllowShort": true }""");

        var risk = Resolve("--risk", file)!;

        Assert.Equal((0.1m, true), (risk.MaxDrawdown, risk.AllowShort));
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--stop-loss", "abc"], "--stop-loss: 'abc' is not a number" },
        { ["--stop-loss", "150%"], "--stop-loss: '150%' must be above 0 % and below 100 %" },
        { ["--stop-loss", "0"], "--stop-loss: '0' must be above 0 %" },
        { ["--take-profit", "-5%"], "--take-profit: '-5%' must be above 0 %" },
        { ["--trailing-stop", "-1atr"], "--trailing-stop: '-1atr' must be a positive number of ATRs" },
        { ["--max-position", "120%"], "--max-position: '120%' must be above 0 % and at most 100 %" },
        { ["--daily-loss-limit", "100%"], "--daily-loss-limit: '100%' must be above 0 % and below 100 %" },
        { ["--risk", "no-such-file.json"], "--risk: file 'no-such-file.json' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Backtest_BadRiskValue_ExitsTwoNamingTheOption(string[] arguments, string expected)
    {
        var (code, output) = await CliRunner.RunAsync(["backtest", "--data", Goog, "--strategy", "sma-cross", .. arguments]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Risk": { "DailyLossLimit": 2 } }""", "Risk:DailyLossLimit must be a fraction greater than 0 and less than 1")]
    [InlineData("""{ "Risk": { "DailyLossLimitt": 0.05 } }""", "DailyLossLimitt")]
    [InlineData("""{ "Risk": { "MaxOpenPositions": "many" } }""", "Risk:MaxOpenPositions")]
    [InlineData("""{ "Risk": { "Strategies": { "sma-cross": { "StopLossAtr": 2 } } } }""", "Risk:Strategies:sma-cross:StopLossPercent and Risk:Strategies:sma-cross:StopLossAtr are exclusive")]
    [InlineData("""{ "Risk": { "Strategies": { "nope": { } } } }""", "unknown strategy 'nope'")]
    [InlineData("""{ "Risk": { """, "--risk:")]
    public async Task Backtest_BadRiskFile_ExitsTwoWithTheReason(string json, string expected)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("risk.json", json);

        var (code, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--risk", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_LiveDefaults_PrintsRejectionsByReasonAndWritesThemToJson()
    {
        using var folder = new TemporaryFolder();
        var json = folder.File("result.json");

        var (code, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30",
            "--risk", "live-defaults", "--json", json);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Risk rejections", output, StringComparison.Ordinal);
        Assert.Matches(@"short-not-allowed\s*│\s*33", output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(33, document.RootElement.GetProperty("rejections").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("halts").GetArrayLength());
    }

    [Fact]
    public async Task Backtest_StopLossShortcut_TradesExitByStopLoss()
    {
        using var folder = new TemporaryFolder();
        var json = folder.File("result.json");

        var (code, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross", "--stop-loss", "2%", "--json", json);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Risk: no order rejected; 0 halt(s), 0 resume(s).", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var reasons = document.RootElement.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("exitReason").GetString()).ToList();
        Assert.Contains("stop-loss", reasons);
        Assert.Contains("signal", reasons);
    }

    [Fact]
    public async Task Backtest_WithoutRisk_PrintsNoRiskSummary()
    {
        var (code, output) = await CliRunner.RunAsync("backtest", "--data", Goog, "--strategy", "sma-cross");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("Risk", output, StringComparison.Ordinal);
    }

    private static RiskOptions? Resolve(params string[] arguments)
    {
        var settings = new BacktestSettings();
        var command = new Command("backtest");
        settings.AddTo(command);
        var parse = command.Parse(["--data", "x.csv", "--strategy", "sma-cross", .. arguments]);
        Assert.Empty(parse.Errors);
        return settings.ResolveRisk(parse);
    }
}

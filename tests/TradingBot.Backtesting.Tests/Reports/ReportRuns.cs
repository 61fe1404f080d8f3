using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

/// <summary>Backtest and optimisation results the report tests draw: real engine runs on seeded synthetic markets.</summary>
internal static class ReportRuns
{
    public const string HostileName = "</script><script>alert('name')</script>";
    public const string HostileParameters = "fast=\"><img src=x onerror=alert(1)>";
    public const string HostileReason = "crossed </script><!-- <b>up</b> & 'quoted'";
    public const string HostileWarning = "Bar 3: order cancelled <iframe src=\"javascript:alert(2)\">";
    public const string HostilePlot = "SMA<svg onload=alert(3)>";

    public static Candle[] Market(int bars, TimeSpan step, int seed = 11) =>
        [.. new GeometricBrownianMotion(seed, annualVolatility: 0.6).Generate(bars, Candles.DefaultStart, step)];

    /// <summary>SMA(5/20) crossover on 600 hourly bars with plots recorded: dozens of long and short trades.</summary>
    public static BacktestResult SmaCross(int bars = 600) =>
        Backtest.Run(Market(bars, TimeSpan.FromHours(1)), new SmaCrossStrategy(5, 20), new BacktestOptions { Commission = 0.001m },
            recordPlots: true, parameters: "fast=5,slow=20");

    /// <summary>A run whose every free-text field is an injection attempt.</summary>
    public static BacktestResult Hostile()
    {
        var run = SmaCross(200);
        var trades = run.Trades.Select(t => t with { EntryReason = HostileReason }).ToList();
        return new BacktestResult
        {
            Strategy = HostileName,
            Parameters = HostileParameters,
            Options = run.Options,
            Candles = run.Candles,
            Statistics = run.Statistics,
            Trades = trades,
            Equity = run.Equity,
            WarmupBars = run.WarmupBars,
            Plots = [(HostilePlot, run.Plots[0].Values)],
            Warnings = [HostileWarning, "a note without a bar"],
        };
    }

    /// <summary>A grid search of the SMA crossover: fast 2..6 × slow 8..20, constraint fast &lt; slow.</summary>
    public static OptimizationResult Grid(params ParameterRange[] ranges) =>
        Grid(SmaCrossStrategy.Definition, ranges.Length > 0 ? ranges : [new("fast", [2, 4, 6]), new("slow", [8, 12, 16, 20])]);

    public static OptimizationResult Grid(StrategyDefinition strategy, params ParameterRange[] ranges) =>
        GridSearch.Run(Market(400, TimeSpan.FromHours(1), seed: 5), new GridSearch.Request(strategy, ranges, "sqn", new BacktestOptions())
        {
            MaxDegreeOfParallelism = 1,
        });
}

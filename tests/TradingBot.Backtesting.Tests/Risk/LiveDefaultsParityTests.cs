using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>
/// The backtester applies exactly what a live deployment would: every decision it recorded under the live defaults
/// is the decision a fresh live <see cref="RiskGate"/> makes from the same request and context, and those contexts
/// are what the run's own equity curve and trades say.
/// </summary>
public sealed class LiveDefaultsParityTests
{
    private static readonly Lazy<BacktestResult> Goog = new(() => Backtest.Run(
        CsvCandleReader.ReadFile(RepositoryPaths.SharedFile("GOOG.csv")),
        new SmaCrossStrategy(10, 30),
        new BacktestOptions { Commission = 0.002m, Risk = RiskOptions.LiveDefaults }));

    [Fact]
    public void Run_LiveDefaults_TheLiveGateMakesEveryRecordedDecision()
    {
        var result = Goog.Value;
        var live = new RiskGate(RiskOptions.LiveDefaults);

        Assert.NotEmpty(result.RiskDecisions);
        Assert.Contains(result.RiskDecisions, d => d.Decision.IsApproved && d.Request is not null);
        Assert.Contains(result.RiskDecisions, d => !d.Decision.IsApproved);
        foreach (var recorded in result.RiskDecisions)
        {
            var again = recorded.Request is { } request
                ? live.EvaluateEntry(request, recorded.Context)
                : live.EvaluateExit(result.Strategy, RiskSimulation.Instrument, recorded.Context);

            Assert.Equal(recorded.Decision.Order, again.Order);
            Assert.Equal(recorded.Decision.Reason, again.Reason);
            Assert.Equal(recorded.Decision.Message, again.Message);
            Assert.Equal(recorded.Decision.Adjustments, again.Adjustments);
            Assert.Equal(recorded.Decision.Events, again.Events);
        }
    }

    [Fact]
    public void Run_LiveDefaults_ContextsMatchTheEquityCurveAndTheTrades()
    {
        var result = Goog.Value;

        foreach (var recorded in result.RiskDecisions)
        {
            var context = recorded.Context;
            Assert.Equal(result.Equity[recorded.Bar], (double)context.Equity, 6);
            var open = result.Trades.Where(t => t.EntryBar <= recorded.Bar && t.ExitBar > recorded.Bar).Sum(t => t.Size);
            var held = context.Positions.Values.Sum(p => p.Quantity);
            Assert.Equal(recorded.Request is null ? open : 0m, held);
        }
    }

    [Fact]
    public void Run_LiveDefaults_ShortsRefusedAndPositionsCappedAtAQuarterOfEquity()
    {
        var result = Goog.Value;

        Assert.All(result.Trades, t => Assert.True(t.Size > 0m));
        Assert.Contains(result.Rejections, r => r.Code == "short-not-allowed");
        Assert.All(result.RiskDecisions.Where(d => d.Decision.IsApproved && d.Request is not null),
            d => Assert.True(d.Decision.Order!.Notional <= 0.25m * d.Context.Equity));
        Assert.All(result.Trades, t => Assert.NotNull(t.StopLoss));
    }
}

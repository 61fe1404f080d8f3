using TradingBot.Backtesting.Engine;
using TradingBot.Core.Market;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>Helpers for risk-mode runs on hand-made candles.</summary>
internal static class RiskRuns
{
    public static BacktestResult Run(Candle[] candles, RiskOptions risk, params (int Bar, TargetPosition Target)[] script) =>
        Backtest.Run(candles, ScriptedStrategy.At(script), new BacktestOptions { Risk = risk });

    /// <summary>Only the per-strategy settings changed from <see cref="RiskOptions.None"/>.</summary>
    public static RiskOptions With(Func<StrategyRiskOptions, StrategyRiskOptions> change) =>
        RiskOptions.None with { Strategy = change(RiskOptions.None.Strategy) };

    /// <summary>Hourly bars; each tuple is (open, high, low, close).</summary>
    public static Candle[] Hourly(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        Candles.FromOhlc(TimeSpan.FromHours(1), bars);

    /// <summary><paramref name="count"/> flat bars at <paramref name="price"/>.</summary>
    public static IEnumerable<(decimal, decimal, decimal, decimal)> Flat(decimal price, int count) =>
        Enumerable.Repeat((price, price, price, price), count);
}

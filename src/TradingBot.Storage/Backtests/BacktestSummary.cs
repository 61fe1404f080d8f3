namespace TradingBot.Storage.Backtests;

/// <summary>
/// A stored backtest run: what ran (<see cref="Strategy"/> with <see cref="Parameters"/> on <see cref="Source"/>,
/// <see cref="Bars"/> candles) and its headline statistics as the result JSON has them (<see cref="StatisticsJson"/>).
/// </summary>
public sealed record BacktestSummary(string Id, string Strategy, string Parameters, string Source, int Bars, DateTimeOffset CreatedAt, string StatisticsJson);

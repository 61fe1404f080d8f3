using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>
/// One gate decision of a risk-mode run with its exact inputs: the entry request (null for a strategy exit) and the
/// context. Feeding the same values to a <see cref="RiskGate"/> with the same options gives the same decision: the
/// live/backtest parity check.
/// </summary>
public sealed record BacktestRiskDecision(int Bar, EntryRequest? Request, RiskContext Context, RiskDecision Decision);

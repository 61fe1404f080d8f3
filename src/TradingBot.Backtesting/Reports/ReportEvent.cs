namespace TradingBot.Backtesting.Reports;

/// <summary>
/// Something that happened during a run that is not a trade: a cancelled order today; risk rejections and trading
/// halts once the engine records them. Listed in the report's events table and, when <see cref="Bar"/> is known,
/// marked on the price chart. <see cref="Kind"/> is a short lower-case word (<c>warning</c>, <c>rejection</c>, <c>halt</c>).
/// </summary>
public sealed record ReportEvent(int? Bar, string Kind, string Text);

using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>A halt (<see cref="Halted"/> true) or resume of trading on the timeline, decided at bar <see cref="Bar"/>'s close.</summary>
public sealed record BacktestHalt(int Bar, DateTimeOffset Time, bool Halted, RiskReason Reason, string Message)
{
    public string Code => Reason.ToCode();
}

using TradingBot.Core.Risk;

namespace TradingBot.Backtesting.Engine;

/// <summary>An order the risk gate refused at bar <see cref="Bar"/>'s close (<see cref="Time"/> is the bar's time).</summary>
public sealed record BacktestRejection(int Bar, DateTimeOffset Time, RiskReason Reason, string Message)
{
    /// <summary>The stable reason code, e.g. <c>daily-loss-limit</c>.</summary>
    public string Code => Reason.ToCode();
}

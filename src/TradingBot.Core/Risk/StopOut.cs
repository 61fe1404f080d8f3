using TradingBot.Core.Market;

namespace TradingBot.Core.Risk;

/// <summary>A stop-loss or trailing-stop exit, remembered for StoplossGuard.</summary>
public readonly record struct StopOut(Symbol Symbol, DateTimeOffset At);

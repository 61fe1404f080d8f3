using TradingBot.Core.Market;

namespace TradingBot.Core.Risk.Events;

/// <summary>A position's protective levels were set from its fill, or moved (trailing stop).</summary>
public sealed record ExitLevelsSet(DateTimeOffset At, Symbol Symbol, ExitLevels Levels) : RiskEvent(At);

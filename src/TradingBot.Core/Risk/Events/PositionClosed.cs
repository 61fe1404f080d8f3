using TradingBot.Core.Market;

namespace TradingBot.Core.Risk.Events;

/// <summary>
/// A position was closed (reported from the fill): starts the symbol's re-entry cooldown and, when
/// <see cref="StoppedOut"/> (stop-loss or trailing stop), counts for StoplossGuard. Clears the symbol's exit levels.
/// </summary>
public sealed record PositionClosed(DateTimeOffset At, Symbol Symbol, bool StoppedOut) : RiskEvent(At);

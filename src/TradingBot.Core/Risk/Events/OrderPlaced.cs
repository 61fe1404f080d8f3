using TradingBot.Core.Market;

namespace TradingBot.Core.Risk.Events;

/// <summary>Risk approved an order: it counts toward the order-rate limit.</summary>
public sealed record OrderPlaced(DateTimeOffset At, Symbol Symbol, RiskOrderPurpose Purpose) : RiskEvent(At);

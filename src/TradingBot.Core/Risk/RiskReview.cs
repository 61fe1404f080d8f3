using TradingBot.Core.Risk.Events;

namespace TradingBot.Core.Risk;

/// <summary>The result of an account or position review: state changes to apply and orders to send (exits only).</summary>
public sealed record RiskReview(IReadOnlyList<RiskEvent> Events, IReadOnlyList<RiskOrder> Orders)
{
    public static RiskReview Nothing { get; } = new([], []);
}

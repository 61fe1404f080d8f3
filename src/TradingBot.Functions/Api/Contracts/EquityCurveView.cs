namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// An account's equity over time: a point after every fill since <c>from</c> and one now. Between fills positions are
/// marked at their last fill price; the last point uses current marks, so it equals the portfolio's equity.
/// </summary>
public sealed record EquityCurveView(string Account, string Quote, decimal MaxDrawdown, IReadOnlyList<EquityPoint> Points);

using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Core.Risk;

/// <summary>The stable string codes of <see cref="RiskReason"/> (<c>max-position</c>, <c>daily-loss-limit</c>, ...).</summary>
public static class RiskReasonCodes
{
    private static readonly Dictionary<RiskReason, string> Codes = new()
    {
        [RiskReason.KillSwitch] = "kill-switch",
        [RiskReason.DailyLossLimit] = "daily-loss-limit",
        [RiskReason.MaxDrawdown] = "max-drawdown",
        [RiskReason.ShortNotAllowed] = "short-not-allowed",
        [RiskReason.StalePrice] = "stale-price",
        [RiskReason.OrderRate] = "order-rate",
        [RiskReason.Cooldown] = "cooldown",
        [RiskReason.StoplossGuard] = "stoploss-guard",
        [RiskReason.MaxOpenPositions] = "max-open-positions",
        [RiskReason.MaxPosition] = "max-position",
        [RiskReason.MaxExposure] = "max-exposure",
        [RiskReason.InsufficientCash] = "insufficient-cash",
        [RiskReason.BelowMinAmount] = "below-min-amount",
        [RiskReason.BelowMinNotional] = "below-min-notional",
        [RiskReason.VenueLimits] = "venue-limits",
        [RiskReason.MarketClosed] = "market-closed",
        [RiskReason.VolatilityUnavailable] = "volatility-unavailable",
        [RiskReason.InvalidPrice] = "invalid-price",
    };

    private static readonly Dictionary<string, RiskReason> Reasons =
        Codes.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Every code, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<RiskReason>().Select(r => Codes[r])];

    public static string ToCode(this RiskReason reason) =>
        Codes.TryGetValue(reason, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(reason), reason, null);

    public static bool TryParse([NotNullWhen(true)] string? code, out RiskReason reason)
    {
        reason = default;
        return code is not null && Reasons.TryGetValue(code, out reason);
    }
}

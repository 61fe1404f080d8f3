using System.Collections.Immutable;
using TradingBot.Core.Risk;

namespace TradingBot.Storage.Risk;

/// <summary>
/// Everything risk remembers for one account: the gate's <see cref="RiskState"/>, the UTC day's starting equity
/// (base of the daily loss limit) and the <see cref="Pending"/> orders that reserve exposure. <see cref="ETag"/> is
/// the stored version: every change is a compare-and-set.
/// </summary>
public sealed record RiskBook(string Account, RiskState State)
{
    public DateOnly? Day { get; init; }

    public decimal DayStartEquity { get; init; }

    public ImmutableDictionary<string, PendingOrder> Pending { get; init; } = ImmutableDictionary<string, PendingOrder>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// When an operator engaged the kill switch asking for every position to be exited (null: not asked). While the kill
    /// switch stays engaged, the strategy stage turns each open position into a protective exit on its next candle.
    /// </summary>
    public DateTimeOffset? FlattenRequestedAt { get; init; }

    public string? ETag { get; init; }
}

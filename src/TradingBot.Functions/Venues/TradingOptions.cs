using TradingBot.Core.Execution;

namespace TradingBot.Functions.Venues;

/// <summary>
/// Section <c>Trading</c>: where each venue's orders go. Every venue trades on paper unless its mode is set to
/// <c>Live</c> explicitly: <c>Trading__Venues__binance__Mode=Live</c>.
/// </summary>
public sealed class TradingOptions
{
    public const string Section = "Trading";

    public Dictionary<string, VenueTradingOptions> Venues { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TradingMode ModeOf(string venue) => Venues.TryGetValue(venue, out var options) ? options.Mode : TradingMode.Paper;
}

using TradingBot.Core.Execution;

namespace TradingBot.Functions.Venues;

/// <summary>One venue's trading settings (<c>Trading:Venues:&lt;venue&gt;</c>).</summary>
public sealed class VenueTradingOptions
{
    /// <summary><c>Paper</c> (default) or <c>Live</c>.</summary>
    public TradingMode Mode { get; set; } = TradingMode.Paper;
}

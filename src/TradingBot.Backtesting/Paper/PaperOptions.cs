namespace TradingBot.Backtesting.Paper;

/// <summary>
/// Paper venue settings: fees, slippage, starting balances, synthetic book depth. Settable: the handler binds section
/// <c>Paper</c> with generated code (Native AOT), which binds settable properties only.
/// </summary>
public sealed record PaperOptions
{
    /// <summary>Fee rate for orders that take liquidity (market orders, marketable limits).</summary>
    public decimal TakerFee { get; set; } = 0.001m;

    /// <summary>Fee rate for resting limit orders that get filled.</summary>
    public decimal MakerFee { get; set; } = 0.001m;

    /// <summary>Market orders fill this fraction beyond the quote (0.0005 = 5 bp worse than the ask/bid).</summary>
    public decimal Slippage { get; set; } = 0.0005m;

    /// <summary>Balances of a new account (currency → amount).</summary>
    public IReadOnlyDictionary<string, decimal> InitialBalances { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 10_000m, ["USD"] = 10_000m };

    /// <summary>Quote-currency notional shown at each level of the synthetic order book.</summary>
    public decimal BookLevelNotional { get; set; } = 50_000m;
}

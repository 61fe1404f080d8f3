namespace TradingBot.Backtesting.Paper;

/// <summary>Paper venue settings: fees, slippage, starting balances, synthetic book depth.</summary>
public sealed record PaperOptions
{
    /// <summary>Fee rate for orders that take liquidity (market orders, marketable limits).</summary>
    public decimal TakerFee { get; init; } = 0.001m;

    /// <summary>Fee rate for resting limit orders that get filled.</summary>
    public decimal MakerFee { get; init; } = 0.001m;

    /// <summary>Market orders fill this fraction beyond the quote (0.0005 = 5 bp worse than the ask/bid).</summary>
    public decimal Slippage { get; init; } = 0.0005m;

    /// <summary>Balances of a new account (currency → amount).</summary>
    public IReadOnlyDictionary<string, decimal> InitialBalances { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 10_000m, ["USD"] = 10_000m };

    /// <summary>Quote-currency notional shown at each level of the synthetic order book.</summary>
    public decimal BookLevelNotional { get; init; } = 50_000m;
}

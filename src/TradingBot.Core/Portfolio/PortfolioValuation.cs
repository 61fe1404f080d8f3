namespace TradingBot.Core.Portfolio;

/// <summary>Totals over a set of positions at given marks (the API's portfolio view and risk's exposure figures).</summary>
public static class PortfolioValuation
{
    /// <summary>Sum of realized PnL (net of fees).</summary>
    public static decimal Realized(IEnumerable<Position> positions) => positions.Sum(p => p.RealizedPnl);

    /// <summary>Sum of unrealized PnL; a position without a mark in <paramref name="marks"/> is valued at its last fill price.</summary>
    public static decimal Unrealized(IEnumerable<Position> positions, IReadOnlyDictionary<string, decimal> marks) =>
        positions.Sum(p => p.UnrealizedPnl(Mark(p, marks)));

    /// <summary>Gross exposure: Σ |quantity · mark| in quote currency.</summary>
    public static decimal GrossExposure(IEnumerable<Position> positions, IReadOnlyDictionary<string, decimal> marks) =>
        positions.Sum(p => Math.Abs(p.MarketValue(Mark(p, marks))));

    private static decimal Mark(Position position, IReadOnlyDictionary<string, decimal> marks) =>
        marks.TryGetValue(position.Symbol.ToString(), out var mark) ? mark : position.LastPrice;
}

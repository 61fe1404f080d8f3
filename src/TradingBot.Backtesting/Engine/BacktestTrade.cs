namespace TradingBot.Backtesting.Engine;

/// <summary>
/// A closed trade. <see cref="Size"/> is signed (negative = short). <see cref="EntryPrice"/> includes the spread.
/// <see cref="PnL"/> = size·(exit − entry) − commissions; <see cref="ReturnPct"/> (a fraction) =
/// sign(size)·(exit/entry − 1) − commissions/(|size|·entry).
/// </summary>
public sealed record BacktestTrade(
    decimal Size,
    int EntryBar,
    int ExitBar,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Commission,
    decimal? StopLoss,
    decimal? TakeProfit,
    string? EntryReason,
    ExitReason ExitReason)
{
    public decimal PnL => Commission == 0m ? Size * (ExitPrice - EntryPrice) : (Size * (ExitPrice - EntryPrice)) - Commission;

    public decimal ReturnPct
    {
        get
        {
            // sign(size) · (exit/entry − 1) − commission / (|size| · entry), written without multiplying by ±1.
            var priceReturn = (ExitPrice / EntryPrice) - 1m;
            var directed = Size > 0m ? priceReturn : -priceReturn;
            return Commission == 0m ? directed : directed - (Commission / (Math.Abs(Size) * EntryPrice));
        }
    }

    public bool IsLong => Size > 0m;

    public TimeSpan Duration => ExitTime - EntryTime;
}
